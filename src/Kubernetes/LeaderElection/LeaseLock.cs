using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.LeaderElection;

/// <summary>
/// The Lease as this candidate last saw it, and when it last saw the record change, on the local monotonic
/// clock. Expiry is judged only from that local time, never by comparing the lease's renewTime with our
/// clock: clocks of different nodes disagree, and a skewed clock must not make a live lease look expired.
/// Every write carries the observed resourceVersion, so of two candidates racing for an expired lease the
/// server accepts one and answers the other 409 Conflict. Not thread-safe: one election loop drives it.
/// </summary>
internal sealed class LeaseLock(IKubernetesClient client, LeaderElectionOptions options, TimeProvider time)
{
    private V1Lease? _observed;
    private long _observedAt;

    /// <summary>Raised with the holder (null for none) of the first record seen, and whenever a record names a different holder.</summary>
    public event Action<string?>? HolderChanged;

    /// <summary>
    /// One attempt: renews the lease if it is ours, creates it if absent, takes it over if free or expired.
    /// False when another candidate holds a live lease. Failed calls (409 included) throw.
    /// </summary>
    public async Task<bool> TryAcquireOrRenewAsync(bool leading, CancellationToken cancellationToken)
    {
        if (leading && _observed is { } mine && HolderOf(mine) == options.Identity)
        {
            // Writing over the version of our own last write renews in one call; a 409 means the lease moved since.
            try
            {
                Observe(await client.ReplaceAsync(mine with { Spec = Renewed(mine.Spec!) }, cancellationToken));
                return true;
            }
            catch (KubernetesApiException e) when (e.IsConflict)
            {
            }
        }

        var current = await client.GetAsync<V1Lease>(options.LeaseName, options.LeaseNamespace, cancellationToken);
        if (current is null)
        {
            Observe(await client.CreateAsync(NewLease(), cancellationToken));
            return true;
        }

        Observe(current);
        var holder = HolderOf(current);
        if (holder is not null && holder != options.Identity && !IsExpired(current))
        {
            return false;
        }

        var spec = holder == options.Identity ? Renewed(current.Spec!) : TakenOver(current.Spec);
        Observe(await client.ReplaceAsync(current with { Spec = spec }, cancellationToken));
        return true;
    }

    /// <summary>
    /// Hands the lease over: no holder, a 1 s duration (for candidates that ignore the empty holder) and a
    /// fresh renewTime. False when the lease is no longer ours; failed calls throw.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        var current = await client.GetAsync<V1Lease>(options.LeaseName, options.LeaseNamespace, cancellationToken);
        if (current?.Spec is not { } spec || HolderOf(current) != options.Identity)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var released = spec with { HolderIdentity = null, LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now };
        Observe(await client.ReplaceAsync(current with { Spec = released }, cancellationToken));
        return true;
    }

    private static string? HolderOf(V1Lease lease) =>
        string.IsNullOrEmpty(lease.Spec?.HolderIdentity) ? null : lease.Spec.HolderIdentity;

    private bool IsExpired(V1Lease lease)
    {
        var duration = lease.Spec?.LeaseDurationSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : options.LeaseDuration;
        return time.GetElapsedTime(_observedAt) > duration;
    }

    /// <summary>Restarts the expiry clock whenever the record differs from the last one seen (holder, times or version).</summary>
    private void Observe(V1Lease lease)
    {
        var previous = _observed;
        if (previous is not null && previous.Metadata.ResourceVersion == lease.Metadata.ResourceVersion && previous.Spec == lease.Spec)
        {
            return;
        }

        _observed = lease;
        _observedAt = time.GetTimestamp();
        var holder = HolderOf(lease);
        if (previous is not null && HolderOf(previous) == holder)
        {
            return;
        }

        // Counted like leaseTransitions: a change to a new holder, not a release and not the first sight of the lease.
        if (previous is not null && holder is not null)
        {
            LeaderElectionMetrics.Transitions.Add(1, LeaderElectionMetrics.NameTag(options.LeaseName));
        }

        HolderChanged?.Invoke(holder);
    }

    private V1Lease NewLease()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = options.LeaseNamespace },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = options.Identity,
                LeaseDurationSeconds = options.LeaseDurationSeconds,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = 0,
            },
        };
    }

    private V1LeaseSpec Renewed(V1LeaseSpec spec) =>
        spec with { LeaseDurationSeconds = options.LeaseDurationSeconds, RenewTime = time.GetUtcNow().UtcDateTime };

    private V1LeaseSpec TakenOver(V1LeaseSpec? spec)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new V1LeaseSpec
        {
            HolderIdentity = options.Identity,
            LeaseDurationSeconds = options.LeaseDurationSeconds,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = (spec?.LeaseTransitions ?? 0) + 1,
        };
    }
}
