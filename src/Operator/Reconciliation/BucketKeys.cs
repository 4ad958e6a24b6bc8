using System.Security.Cryptography;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The bucket-scoped access keys issued for one ObjectBucket. Their names start with <see cref="ReconcileContext.AccessKeyPrefix"/>
/// (so they are found without any state) and end with a random suffix, because a replacement is issued while the key
/// it replaces still lives (SPEC "Replace, then revoke") and some APIs refuse a second key of one name.
/// </summary>
internal static class BucketKeys
{
    private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Whether the key was issued for this object: <c>lob-&lt;uid&gt;</c> (before replacements had suffixes) or <c>lob-&lt;uid&gt;-…</c>.</summary>
    /// <remarks>Allocates nothing: every pass of every object compares its prefix with each key of the project's list.</remarks>
    public static bool IsOurs(ReconcileContext context, AccessKey key)
    {
        var prefix = context.AccessKeyPrefix;
        return key.Name.StartsWith(prefix, StringComparison.Ordinal) && (key.Name.Length == prefix.Length || key.Name[prefix.Length] == '-');
    }

    public static Task<CreatedAccessKey> IssueAsync(ReconcileContext context, ConnectionDetails details, CancellationToken cancellationToken)
    {
        var bucket = new Bucket
        {
            Id = details.BucketId,
            Name = context.Desired.BucketName,
            BucketName = details.BucketName,
            StorageClass = context.Bucket.Status?.StorageClass ?? context.Desired.StorageClass,
        };
        var name = context.AccessKeyPrefix + "-" + RandomNumberGenerator.GetString(SuffixAlphabet, 6);
        return context.Latitude.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(context.Project, bucket, name, details.Site), cancellationToken);
    }

    /// <summary>Deletes every key of this object but <paramref name="keep"/> (an access key ID), from a fresh list.</summary>
    public static async Task RevokeAllButAsync(ReconcileContext context, string? keep, CancellationToken cancellationToken)
    {
        var keys = await context.Latitude.ListAccessKeysAsync(context.Project, cancellationToken);
        await RevokeAsync(context, keys.Where(k => IsOurs(context, k) && k.AccessKeyId != keep), cancellationToken);
    }

    public static async Task RevokeAsync(ReconcileContext context, IEnumerable<AccessKey> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await context.Latitude.DeleteAccessKeyAsync(key.Username, key.StorageClass, context.Project, key.Region, cancellationToken);
        }
    }
}
