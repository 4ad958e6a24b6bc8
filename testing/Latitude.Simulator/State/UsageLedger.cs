namespace BucketOperator.Latitude.Simulator.State;

/// <summary>
/// Daily stored bytes per bucket, what <c>GET /storage/usage</c> reports. The provider names storages by a number
/// of its own, not the <c>bkt_</c> ID: each bucket gets one (from 41 on) when it is first recorded.
/// </summary>
public sealed class UsageLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string BucketId, DateOnly Day), UsageRow> _rows = [];
    private readonly Dictionary<string, int> _storageNumbers = new(StringComparer.Ordinal);

    /// <summary>Sets a bucket's bytes for a day; a second figure for the same day replaces the first.</summary>
    public void Record(string bucketId, DateOnly day, long bytes, DateTimeOffset ingestedAt)
    {
        lock (_gate)
        {
            if (!_storageNumbers.TryGetValue(bucketId, out var number))
            {
                number = 41 + _storageNumbers.Count;
                _storageNumbers.Add(bucketId, number);
            }

            _rows[(bucketId, day)] = new UsageRow(bucketId, number, day, bytes, ingestedAt);
        }
    }

    /// <summary>The bucket's rows from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    public IReadOnlyList<UsageRow> RowsOf(string bucketId, DateOnly from, DateOnly to)
    {
        lock (_gate)
        {
            return [.. _rows.Values.Where(r => r.BucketId == bucketId && r.Day >= from && r.Day <= to).OrderBy(r => r.Day)];
        }
    }
}

/// <param name="StorageNumber">The provider's own number for the storage, sent as <c>storage_id</c>.</param>
public sealed record UsageRow(string BucketId, int StorageNumber, DateOnly Day, long Bytes, DateTimeOffset IngestedAt);
