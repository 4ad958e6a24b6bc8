using System.Collections.Concurrent;
using BucketOperator.Latitude;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// One list per (token, project) per resync period, shared by every ObjectBucket using that pair (SPEC "Safety
/// rules": drift checks read buckets with one list call; "Credentials lifecycle": one access-key list per resync),
/// never a GET per bucket. Callers arriving together wait for the same list call. Keyed by
/// <see cref="ResolvedToken.Fingerprint"/>, so no second copy of a token is kept in plain text.
/// </summary>
internal sealed class ProjectInventory<T>(TimeProvider time, TimeSpan maxAge, Func<ILatitudeClient, string, CancellationToken, Task<IReadOnlyList<T>>> list)
{
    private readonly ConcurrentDictionary<(string Token, string Project), Entry> _entries = new();

    public async Task<IReadOnlyList<T>> ListAsync(ILatitudeClient latitude, string tokenFingerprint, string project, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd((tokenFingerprint, project), _ => new Entry());
        await entry.Turn.WaitAsync(cancellationToken);
        try
        {
            if (entry.Items is null || time.GetElapsedTime(entry.ListedAt) >= maxAge)
            {
                entry.Items = await list(latitude, project, cancellationToken);
                entry.ListedAt = time.GetTimestamp();
            }

            return entry.Items;
        }
        finally
        {
            entry.Turn.Release();
        }
    }

    /// <summary>After our own create or delete the list is stale: the next reader lists again.</summary>
    public void Invalidate(string tokenFingerprint, string project)
    {
        if (_entries.TryGetValue((tokenFingerprint, project), out var entry))
        {
            entry.Items = null;
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public IReadOnlyList<T>? Items { get; set; }

        public long ListedAt { get; set; }
    }
}
