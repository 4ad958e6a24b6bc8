using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Which ObjectBucket holds a Latitude bucket (SPEC "A held bucket is never taken twice"): the one whose
/// <c>status.bucketId</c> records it, and, for a name not created yet, the oldest ObjectBucket asking for that name in
/// that project. Read from the informer's indexes, so the answer costs no API call. Two objects racing for one name
/// (both creating, or both recovering a lost answer) agree on the winner without talking to each other.
/// </summary>
internal sealed class BucketClaims(ICacheReader<ObjectBucket> buckets)
{
    public const string BucketIdIndex = "status-bucket-id";
    public const string BucketNameIndex = "project-bucket-name";

    /// <summary>Adds the indexes this class reads to the ObjectBucket informer.</summary>
    public static void AddIndexes(Informer<ObjectBucket> informer, string? defaultProject)
    {
        informer.AddIndex(BucketIdIndex, obj => obj is ObjectBucket { Status.BucketId: { } id } ? [id] : []);
        informer.AddIndex(BucketNameIndex, obj => obj is ObjectBucket bucket ? [NameKey(DesiredBucket.From(bucket, defaultProject))] : []);
    }

    /// <summary>
    /// The other ObjectBucket (as <c>namespace/name</c>) that holds <paramref name="bucketId"/>, or that has the
    /// first claim on the desired name: it holds a bucket of that name, has a create in flight, or is older.
    /// Null when <paramref name="self"/> may have it.
    /// </summary>
    public string? HolderOf(ObjectBucket self, DesiredBucket desired, string? bucketId) =>
        HolderOf(self, bucketId) ?? First(buckets.ByIndex(BucketNameIndex, NameKey(desired)).Where(b => IsOther(self, b) && HasPriority(b, self)));

    /// <summary>The other ObjectBucket (as <c>namespace/name</c>) whose status records <paramref name="bucketId"/>, if any.</summary>
    public string? HolderOf(ObjectBucket self, string? bucketId) =>
        bucketId is null ? null : First(buckets.ByIndex(BucketIdIndex, bucketId).Where(b => IsOther(self, b)));

    private static string? First(IEnumerable<ObjectBucket> holders) =>
        holders.Select(b => $"{b.Metadata.NamespaceProperty}/{b.Metadata.Name}").Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The cache holds only the watched namespaces: another operator's objects are never holders here.</summary>
    private static bool IsOther(ObjectBucket self, ObjectBucket other) => other.Metadata.Uid != self.Metadata.Uid;

    /// <summary>A recorded bucket beats everything; a create in flight beats none; between equals the older wins.</summary>
    private static bool HasPriority(ObjectBucket other, ObjectBucket self)
    {
        if (other.Status?.BucketId is not null)
        {
            return true;
        }

        var otherPending = other.Status?.CreatePending is not null;
        return otherPending != (self.Status?.CreatePending is not null) ? otherPending : Compare(other.Metadata, self.Metadata) < 0;
    }

    /// <summary>Older first; objects created in the same second are ordered by namespace and name, so both sides agree.</summary>
    private static int Compare(V1ObjectMeta a, V1ObjectMeta b)
    {
        var byAge = Nullable.Compare(a.CreationTimestamp, b.CreationTimestamp);
        return byAge != 0 ? byAge : string.CompareOrdinal($"{a.Namespace}/{a.Name}", $"{b.Namespace}/{b.Name}");
    }

    private static string NameKey(DesiredBucket desired) => $"{desired.Project}/{desired.BucketName}";
}
