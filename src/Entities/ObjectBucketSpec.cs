using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>
/// The desired bucket. Defaults (applied by the API server, mirrored by the initializers): storage class
/// <c>standard</c>, versioning off, not scoped, deletion policy <c>Retain</c>; bucket and Secret names default
/// to <c>metadata.name</c> and the project to the operator's setting (resolved by the operator, so they stay null here).
/// Defaulted properties have setters because the JSON source generator assigns every init-only property in
/// the object initializer, so a field absent from the JSON would replace the default with null.
/// </summary>
[CelRule("!has(self.scoped) || !self.scoped || (has(self.customer) && size(self.customer) > 0)", "customer is required when scoped is true")]
[CelRule("has(self.bucketName) == has(oldSelf.bucketName)", "bucketName cannot be added or removed after creation")]
[CelRule("has(self.project) == has(oldSelf.project)", "project cannot be added or removed after creation")]
[CelRule("has(self.customer) == has(oldSelf.customer)", "customer cannot be added or removed after creation")]
[CelRule(
    "(has(self.objectLock) && self.objectLock.enabled) == (has(oldSelf.objectLock) && oldSelf.objectLock.enabled)",
    "objectLock can only be enabled when the bucket is created")]
public sealed record ObjectBucketSpec
{
    [Description("S3 bucket name: 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit. Defaults to metadata.name. Immutable.")]
    [Length(3, 63)]
    [Pattern("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    [CelRule("self == oldSelf", "bucketName is immutable")]
    public string? BucketName { get; init; }

    [Description("Latitude project ID or slug. Defaults to the operator's --default-project. Immutable.")]
    [Length(1, 253)]
    [CelRule("self == oldSelf", "project is immutable")]
    public string? Project { get; init; }

    [Description("Latitude site slug, e.g. DAL or SAO2. Immutable.")]
    [Length(1, 32)]
    [Pattern("^[A-Za-z0-9]+$")]
    [CelRule("self == oldSelf", "region is immutable")]
    public required string Region { get; init; }

    [Description("Storage tier: standard, or high_performance where the region sells it. Immutable.")]
    [EnumValues(StorageClasses.Standard, StorageClasses.HighPerformance)]
    [DefaultValue(StorageClasses.Standard)]
    [CelRule("self == oldSelf", "storageClass is immutable")]
    public string StorageClass { get; set; } = StorageClasses.Standard;

    [Description("S3 object versioning. May be turned on later; once on it cannot be turned off.")]
    [DefaultValue(false)]
    [CelRule("self || !oldSelf", "versioning cannot be turned off once enabled")]
    public bool Versioning { get; set; }

    [Description("S3 Object Lock (write once, read many). Set at creation only; enabling it turns versioning on.")]
    [CelRule("self == oldSelf", "objectLock is immutable")]
    public ObjectLockSpec? ObjectLock { get; init; }

    [Description("Isolates the bucket to a customer context; customer is then required. Immutable.")]
    [DefaultValue(false)]
    [CelRule("self == oldSelf", "scoped is immutable")]
    public bool Scoped { get; set; }

    [Description("Customer identifier of a scoped bucket. Immutable.")]
    [Length(1, 253)]
    [CelRule("self == oldSelf", "customer is immutable")]
    public string? Customer { get; init; }

    [Description("What happens to the Latitude bucket when this resource is deleted: Retain keeps it, Delete removes it (and its access keys).")]
    [EnumValues(DeletionPolicies.Retain, DeletionPolicies.Delete)]
    [DefaultValue(DeletionPolicies.Retain)]
    public string DeletionPolicy { get; set; } = DeletionPolicies.Retain;

    [Description("The Secret in this namespace that receives the connection details. Defaults to metadata.name.")]
    [Length(1, 253)]
    [Pattern(KubernetesNames.DnsSubdomain)]
    public string? SecretName { get; init; }

    [Description("A Secret in this namespace holding a Latitude API token, for teams with their own account. Without it the operator's token is used.")]
    public SecretKeyReference? CredentialsSecretRef { get; init; }

    [Description("The bucket's Latitude lifecycle rules, kept equal to this list: a missing rule is created, a different one updated, and any other rule of the bucket (also one made outside Kubernetes) deleted.")]
    [ListMapKeys("name")]
    public IList<LifecycleRuleSpec>? LifecycleRules { get; init; }
}
