using System.Text.RegularExpressions;
using BucketOperator.Entities;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The rules the CRD schema states, enforced again by the operator (servers without CEL, objects created
/// before the schema tightened, anything the schema cannot say). S3 naming follows Amazon's CreateBucket
/// rules for general purpose buckets, restricted as SPEC says to lowercase letters, digits and hyphens.
/// </summary>
internal static partial class SpecValidator
{
    private const int MaxQuoted = 64;
    private const int MaxLabelValue = 63;

    /// <summary>Every violation, as sentences for the condition message; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(DesiredBucket desired, ObjectBucket bucket)
    {
        var errors = new List<string>();
        var name = desired.BucketName;
        if (name.Length is < 3 or > 63 || !BucketNamePattern().IsMatch(name))
        {
            errors.Add($"bucket name '{Quote(name)}' must be 3–63 lowercase letters, digits or hyphens, starting and ending with a letter or digit");
        }
        else if (name.StartsWith("xn--", StringComparison.Ordinal) || name.StartsWith("sthree-", StringComparison.Ordinal) || name.StartsWith("amzn-s3-demo-", StringComparison.Ordinal)
            || name.EndsWith("-s3alias", StringComparison.Ordinal) || name.EndsWith("--ol-s3", StringComparison.Ordinal) || name.EndsWith("--x-s3", StringComparison.Ordinal) || name.EndsWith("--table-s3", StringComparison.Ordinal))
        {
            errors.Add($"bucket name '{name}' uses a prefix or suffix S3 reserves (xn--, sthree-, amzn-s3-demo-, -s3alias, --ol-s3, --x-s3, --table-s3)");
        }

        if (string.IsNullOrWhiteSpace(desired.Project))
        {
            errors.Add("no project: set spec.project or the operator's --default-project");
        }

        if (desired.Region.Length is 0 or > 32 || !RegionPattern().IsMatch(desired.Region))
        {
            errors.Add($"region '{Quote(desired.Region)}' must be a Latitude site slug such as DAL or SAO2");
        }

        if (desired.StorageClass is not (StorageClasses.Standard or StorageClasses.HighPerformance))
        {
            errors.Add($"storageClass '{Quote(desired.StorageClass)}' must be standard or high_performance");
        }

        if (desired.DeletionPolicy is not (DeletionPolicies.Retain or DeletionPolicies.Delete))
        {
            errors.Add($"deletionPolicy '{Quote(desired.DeletionPolicy)}' must be Retain or Delete");
        }

        if (desired.Scoped && string.IsNullOrWhiteSpace(desired.Customer))
        {
            errors.Add("customer is required when scoped is true");
        }

        ValidateObjectLock(bucket.Spec.ObjectLock, errors);
        ValidateLifecycleRules(bucket.Spec.LifecycleRules, errors);
        if (desired.SecretName.Length is 0 or > 253 || !DnsSubdomain().IsMatch(desired.SecretName))
        {
            errors.Add($"secretName '{Quote(desired.SecretName)}' must be a DNS subdomain name");
        }

        // The Secret is labelled with the object's name, and a label value holds at most 63 characters: found out only
        // when writing the Secret, it would come after the bucket and a key exist, every pass issuing another key.
        if (bucket.Metadata.Name is { Length: > MaxLabelValue } objectName)
        {
            errors.Add($"metadata.name has {objectName.Length} characters; the Secret's label {ObjectBucketNames.ObjectBucketLabel} takes at most {MaxLabelValue}: use a shorter name (spec.bucketName may differ from it)");
        }

        if (bucket.Spec.CredentialsSecretRef is { } reference && (string.IsNullOrWhiteSpace(reference.Name) || string.IsNullOrWhiteSpace(reference.Key)))
        {
            errors.Add("credentialsSecretRef needs both name and key");
        }

        return errors;
    }

    /// <summary>Hostile input is quoted as at most 64 characters (see <see cref="MessageText.Excerpt"/>).</summary>
    internal static string Quote(string value) => MessageText.Excerpt(value, MaxQuoted);

    private static void ValidateObjectLock(ObjectLockSpec? objectLock, List<string> errors)
    {
        if (objectLock is null)
        {
            return;
        }

        var mode = objectLock.Mode ?? ObjectLockModes.None;
        if (mode is not (ObjectLockModes.None or ObjectLockModes.Governance or ObjectLockModes.Compliance))
        {
            errors.Add($"objectLock.mode '{Quote(mode)}' must be NONE, GOVERNANCE or COMPLIANCE");
        }

        if (!objectLock.Enabled && (mode != ObjectLockModes.None || objectLock.RetentionDays is not null))
        {
            errors.Add("objectLock.mode and objectLock.retentionDays need objectLock.enabled: true");
        }

        if (objectLock.RetentionDays is < 1)
        {
            errors.Add("objectLock.retentionDays must be at least 1");
        }

        // S3's default retention rule takes a mode and a period together.
        if (objectLock.Enabled && (mode == ObjectLockModes.None) != (objectLock.RetentionDays is null))
        {
            errors.Add("objectLock.mode (GOVERNANCE or COMPLIANCE) and objectLock.retentionDays go together");
        }
    }

    /// <summary>The schema's list-map keys and minimums, again: a 1.20 server without them would let a duplicate name reach Latitude.</summary>
    private static void ValidateLifecycleRules(IList<LifecycleRuleSpec>? rules, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules ?? [])
        {
            var name = rule.Name ?? "";
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("every lifecycle rule needs a name");
            }
            else if (!seen.Add(name))
            {
                errors.Add($"lifecycle rule '{Quote(name)}' appears more than once; names must be unique");
            }

            foreach (var (field, days) in new[] { ("expirationDays", (int?)rule.ExpirationDays), ("noncurrentDays", rule.NoncurrentDays), ("abortIncompleteMultipartUploadDays", rule.AbortIncompleteMultipartUploadDays) })
            {
                if (days is < 1)
                {
                    errors.Add($"lifecycle rule '{Quote(name)}': {field} must be at least 1");
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
