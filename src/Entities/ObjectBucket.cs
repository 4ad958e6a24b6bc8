using BucketOperator.Entities.Schema;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Entities;

/// <summary>
/// <c>storage.latitude.sh/v1alpha1</c> ObjectBucket: one Latitude.sh object-storage bucket and the Secret
/// holding its S3 connection details. The CRD in <c>config/crd</c> is generated from this type
/// (<c>dotnet run --project tools/CrdGen</c>).
/// </summary>
[Description("ObjectBucket is a Latitude.sh object-storage bucket, with a Secret in the same namespace holding its S3 connection details.")]
[ShortNames("lob")]
[Categories("latitude")]
[StatusSubresource]
[PrinterColumn("Bucket", "string", ".status.bucketName")]
[PrinterColumn("Region", "string", ".spec.region")]
[PrinterColumn("Class", "string", ".spec.storageClass")]
[PrinterColumn("Ready", "string", """.status.conditions[?(@.type=="Ready")].status""")]
[PrinterColumn("Reason", "string", """.status.conditions[?(@.type=="Ready")].reason""")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
[CelRule(
    "has(self.spec.bucketName) || self.metadata.name.matches('^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$')",
    "metadata.name is not a valid S3 bucket name (3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit): set spec.bucketName")]
[KubernetesEntity(Group = "storage.latitude.sh", ApiVersion = "v1alpha1", Kind = "ObjectBucket", PluralName = "objectbuckets")]
public sealed record ObjectBucket : IKubernetesObject
{
    [Description("The versioned schema of this object: storage.latitude.sh/v1alpha1.")]
    public string? ApiVersion { get; set; } = "storage.latitude.sh/v1alpha1";

    [Description("The kind of this object: ObjectBucket.")]
    public string? Kind { get; set; } = "ObjectBucket";

    public V1ObjectMeta Metadata { get; set; } = new();

    [Description("The bucket the user wants.")]
    public required ObjectBucketSpec Spec { get; init; }

    [Description("The bucket as the operator last saw it; written by the operator only.")]
    public ObjectBucketStatus? Status { get; init; }
}
