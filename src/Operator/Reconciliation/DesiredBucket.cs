using BucketOperator.Entities;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>An ObjectBucket's spec with every default resolved: what the operator will create and compare against.</summary>
internal sealed record DesiredBucket(
    string BucketName,
    string? Project,
    string Region,
    string StorageClass,
    bool Versioning,
    bool ObjectLock,
    string ObjectLockMode,
    int? RetentionDays,
    bool Scoped,
    string? Customer,
    string DeletionPolicy,
    string SecretName)
{
    public static DesiredBucket From(ObjectBucket bucket, string? defaultProject)
    {
        var spec = bucket.Spec;
        var name = bucket.Metadata.Name ?? "";
        var objectLock = spec.ObjectLock?.Enabled == true;
        return new DesiredBucket(
            BucketName: string.IsNullOrEmpty(spec.BucketName) ? name : spec.BucketName,
            Project: string.IsNullOrEmpty(spec.Project) ? defaultProject : spec.Project,
            Region: spec.Region ?? "",
            StorageClass: spec.StorageClass ?? StorageClasses.Standard,

            // Object Lock needs versioning (S3 turns it on with the lock), so an enabled lock implies it.
            Versioning: spec.Versioning || objectLock,
            ObjectLock: objectLock,
            ObjectLockMode: spec.ObjectLock?.Mode ?? ObjectLockModes.None,
            RetentionDays: spec.ObjectLock?.RetentionDays,
            Scoped: spec.Scoped,
            Customer: spec.Customer,
            DeletionPolicy: spec.DeletionPolicy ?? DeletionPolicies.Retain,
            SecretName: string.IsNullOrEmpty(spec.SecretName) ? name : spec.SecretName);
    }
}
