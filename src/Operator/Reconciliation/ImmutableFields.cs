using BucketOperator.Entities;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The CRD's CEL immutability rules, checked against what status recorded at creation: the 1.20 API server
/// (and any server without CEL) accepts the change, so the operator must refuse it before any API call.
/// </summary>
internal static class ImmutableFields
{
    /// <summary>The changed fields, as sentences; empty when nothing immutable changed.</summary>
    public static IReadOnlyList<string> Changes(DesiredBucket desired, ObjectBucketStatus? status)
    {
        if (status?.BucketId is null)
        {
            return [];
        }

        var changes = new List<string>();
        void Check(string field, string? recorded, string? wanted, StringComparison comparison = StringComparison.Ordinal)
        {
            if (recorded is not null && !string.Equals(recorded, wanted, comparison))
            {
                changes.Add($"{field} is immutable: the bucket has '{recorded}', the spec asks for '{SpecValidator.Quote(wanted ?? "")}'");
            }
        }

        // Status written before the requested name was recorded has only the returned S3 name to go by.
        Check("bucketName", status.RequestedBucketName ?? status.BucketName, desired.BucketName);
        Check("project", status.Project, desired.Project);
        // Site slugs are case-insensitive: the API accepts "dal" and records "DAL".
        Check("region", status.Region, desired.Region, StringComparison.OrdinalIgnoreCase);
        Check("storageClass", status.StorageClass, desired.StorageClass);
        if (status.ObjectLock is { } recordedLock &&
            (recordedLock.Enabled != desired.ObjectLock || (desired.ObjectLock && (recordedLock.Mode != desired.ObjectLockMode || recordedLock.RetentionDays != desired.RetentionDays))))
        {
            changes.Add("objectLock is set at creation only");
        }

        if (status.Versioning == true && !desired.Versioning)
        {
            changes.Add("versioning cannot be turned off once enabled");
        }

        return changes;
    }
}
