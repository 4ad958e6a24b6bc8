using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit.LeaderElection;

/// <summary>
/// Leases kept in memory with the API server's optimistic concurrency: every write gets a new
/// resourceVersion, a replace carrying an older one is answered 409 Conflict, a create of an existing name
/// 409 AlreadyExists. Only Get, Create and Replace of Leases are supported. It can simulate an outage
/// (calls fail at once, or never answer) and records every accepted write with the clock's time. Calls
/// otherwise complete synchronously, so code woken by a fake timer finishes its call at that very time.
/// </summary>
internal sealed class InMemoryLeaseClient(TimeProvider time) : IKubernetesClient
{
    /// <summary>How long a call waits in a silent outage: far beyond any deadline of the caller.</summary>
    private static readonly TimeSpan NoAnswer = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, V1Lease> _leases = [];
    private readonly List<(DateTimeOffset At, V1Lease Lease)> _writes = [];
    private long _version;
    private int _failedCalls;

    internal enum Outage
    {
        None,

        /// <summary>Every call fails at once with 503.</summary>
        Failing,

        /// <summary>Every call waits, on the clock, until its token is cancelled, as across a network partition.</summary>
        Silent,
    }

    public Outage Mode { get; set; }

    /// <summary>Runs before a replace is checked, e.g. to let a rival write first.</summary>
    public Action? BeforeReplace { get; set; }

    /// <summary>Accepted creates and replaces, with the clock's time.</summary>
    public IReadOnlyList<(DateTimeOffset At, V1Lease Lease)> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Calls attempted during an outage.</summary>
    public int FailedCalls => Volatile.Read(ref _failedCalls);

    public V1Lease? Read(string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(name, out var lease) ? Copy(lease) : null;
        }
    }

    /// <summary>Writes as another candidate would (no version check).</summary>
    public void Put(V1Lease lease)
    {
        lock (_gate)
        {
            Store(lease);
        }
    }

    public async Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        await EnsureAvailableAsync<T>(cancellationToken);
        return (T?)(object?)Read(name);
    }

    public async Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        await EnsureAvailableAsync<T>(cancellationToken);
        var lease = (V1Lease)(object)obj;
        lock (_gate)
        {
            if (_leases.ContainsKey(lease.Metadata.Name!))
            {
                throw Failure(409, "AlreadyExists");
            }

            return (T)(object)Record(lease);
        }
    }

    public async Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        await EnsureAvailableAsync<T>(cancellationToken);
        BeforeReplace?.Invoke();
        var lease = (V1Lease)(object)obj;
        lock (_gate)
        {
            if (!_leases.TryGetValue(lease.Metadata.Name!, out var stored))
            {
                throw Failure(404, "NotFound");
            }

            if (stored.Metadata.ResourceVersion != lease.Metadata.ResourceVersion)
            {
                throw Failure(409, "Conflict");
            }

            return (T)(object)Record(lease);
        }
    }

    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    public Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    public Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    public Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject => throw new NotSupportedException();

    private static KubernetesApiException Failure(int code, string reason) =>
        new("lease", new V1Status { Code = code, Reason = reason, Message = reason });

    private static V1Lease Copy(V1Lease lease) =>
        lease with { Metadata = lease.Metadata with { }, Spec = lease.Spec is null ? null : lease.Spec with { } };

    private async Task EnsureAvailableAsync<T>(CancellationToken cancellationToken)
    {
        if (typeof(T) != typeof(V1Lease))
        {
            throw new NotSupportedException($"only Leases are stored, not {typeof(T).Name}");
        }

        switch (Mode)
        {
            case Outage.Failing:
                Interlocked.Increment(ref _failedCalls);
                throw Failure(503, "ServiceUnavailable");
            case Outage.Silent:
                Interlocked.Increment(ref _failedCalls);

                // A finite delay, because an infinite one arms no timer: the caller must be seen waiting on the
                // clock (only its deadline can end the call), or a clock stepped from wait to wait never moves.
                await Task.Delay(NoAnswer, time, cancellationToken);
                throw Failure(504, "GatewayTimeout");
        }
    }

    /// <summary>Called under the lock.</summary>
    private V1Lease Record(V1Lease lease)
    {
        var stored = Store(lease);
        _writes.Add((time.GetUtcNow(), stored));
        return Copy(stored);
    }

    /// <summary>Called under the lock.</summary>
    private V1Lease Store(V1Lease lease)
    {
        var stored = Copy(lease);
        stored.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _leases[stored.Metadata.Name!] = stored;
        return Copy(stored);
    }
}
