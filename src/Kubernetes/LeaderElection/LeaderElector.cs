using BucketOperator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.LeaderElection;

/// <summary>
/// Lease-based leader election with client-go's semantics. Candidates read the Lease every RetryPeriod
/// (jittered) and take it over only when its record has not changed for its lease duration as measured on
/// their own clock, or when it has no holder. The leader renews every RetryPeriod; when no renewal has
/// succeeded for RenewDeadline (shorter than LeaseDuration) it stops: its work is cancelled before any
/// other candidate can consider the lease expired. This is not fencing: a leader paused longer than the
/// lease (GC, a frozen VM) can still act after another has taken over; the API server's optimistic
/// concurrency remains the guard for writes that must not be duplicated.
/// </summary>
public sealed class LeaderElector
{
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LeaseLock _lock;
    private readonly KeyValuePair<string, object?> _nameTag;
    private long _lastRenewStarted;
    private volatile bool _isLeader;
    private volatile string? _currentLeader;
    private int _running;

    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LeaderElectionOptions.Validate"/>).</exception>
    public LeaderElector(IKubernetesClient client, LeaderElectionOptions options, TimeProvider time, ILogger<LeaderElector> logger)
    {
        options.Validate();
        _options = options;
        _time = time;
        _logger = logger;
        _nameTag = LeaderElectionMetrics.NameTag(options.LeaseName);
        _lock = new LeaseLock(client, options, time);
        _lock.HolderChanged += OnHolderChanged;
    }

    /// <summary>Raised with the new holder's identity (null when the lease was released) on the election loop; handlers must not block or throw.</summary>
    public event Action<string?>? LeaderChanged;

    /// <summary>True from the acquisition until the lease is lost or released.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>The holder named by the last lease record seen (null before the first read and after a release).</summary>
    public string? CurrentLeader => _currentLeader;

    /// <summary>This candidate's identity in the Lease (<see cref="LeaderElectionOptions.Identity"/>).</summary>
    public string Identity => _options.Identity;

    /// <summary>
    /// Campaigns until elected, runs <paramref name="lead"/> while leading, and returns when leadership
    /// ends. The token given to <paramref name="lead"/> is cancelled on shutdown
    /// (<paramref name="cancellationToken"/>) and the moment no renewal has succeeded for RenewDeadline.
    /// After a loss RunAsync returns at once, without waiting for the work: the caller should then exit the
    /// process, as controller-runtime does. On shutdown, or when the work ends by itself, the lease is kept
    /// renewed until the work has stopped and then released (<see cref="LeaderElectionOptions.ReleaseOnCancel"/>).
    /// Cancellation is a normal end (no exception); a failure of the work is rethrown after the release.
    /// A return while <paramref name="cancellationToken"/> is not cancelled means leadership ended without a
    /// shutdown (lost, or the work finished): the process should exit.
    /// </summary>
    /// <exception cref="InvalidOperationException">RunAsync is already running on this elector.</exception>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This leader elector is already running.");
        }

        try
        {
            SetLeader(false);
            if (await AcquireAsync(cancellationToken))
            {
                await LeadAsync(lead, cancellationToken);
            }
        }
        finally
        {
            SetLeader(false);
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task LeadAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        // Cancelled by its timer RenewDeadline after the start of the last successful renewal; every renewal moves the timer.
        using var leadership = new CancellationTokenSource(RemainingLeadership(), _time);
        SetLeader(true);
        using var lost = leadership.Token.Register(() => SetLeader(false));
        using var workStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leadership.Token);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(leadership, stopRenewing.Token);
        var work = Task.Run(() => lead(workStop.Token), CancellationToken.None);

        // Renewal ends by itself only when leadership is lost. Otherwise the work has stopped (shutdown, or it
        // ended by itself), nothing acts for us any more, and only now may renewal stop and the lease go.
        await Task.WhenAny(work, renewing);
        await stopRenewing.CancelAsync();
        await renewing;
        if (leadership.IsCancellationRequested)
        {
            Log.Lost(_logger, _options.LeaseNamespace, _options.LeaseName, (long)_options.RenewDeadline.TotalMilliseconds);
            return;
        }

        if (_options.ReleaseOnCancel)
        {
            await ReleaseAsync();
        }

        Log.Stopped(_logger, _options.LeaseNamespace, _options.LeaseName);
        SetLeader(false);
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (workStop.IsCancellationRequested)
        {
        }
    }

    /// <returns>False when cancelled before the lease was acquired.</returns>
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        Log.Candidate(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            if (await TryAttemptAsync(leading: false, cancellationToken))
            {
                _lastRenewStarted = started;
                Log.Acquired(_logger, _options.LeaseNamespace, _options.LeaseName, _options.Identity);
                return true;
            }

            var jittered = _options.RetryPeriod * (1 + (Random.Shared.NextDouble() * LeaderElectionOptions.JitterFactor));
            try
            {
                await Task.Delay(jittered, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Renews every RetryPeriod until stopped or until the renew deadline cancels <paramref name="leadership"/>.</summary>
    private async Task RenewAsync(CancellationTokenSource leadership, CancellationToken stop)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(leadership.Token, stop);
        while (true)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, renewing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var started = _time.GetTimestamp();
            if (await TryAttemptAsync(leading: true, renewing.Token))
            {
                _lastRenewStarted = started;
                leadership.CancelAfter(RemainingLeadership());
            }
        }
    }

    /// <summary>
    /// The deadline counts from the start of the last successful attempt: the server wrote the record after
    /// that, so every other candidate saw the change later still and waits a whole LeaseDuration from then.
    /// </summary>
    private TimeSpan RemainingLeadership()
    {
        var remaining = _options.RenewDeadline - _time.GetElapsedTime(_lastRenewStarted);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>One acquire or renew attempt bounded by the per-call timeout; any failure is logged and counts as not held.</summary>
    private async Task<bool> TryAttemptAsync(bool leading, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CallTimeout, _time);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _lock.TryAcquireOrRenewAsync(leading, call.Token);
        }
        catch (Exception e)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                LogAttemptFailure(leading, timeout.IsCancellationRequested ? $"no answer within {_options.CallTimeout}" : e.Message);
            }

            return false;
        }
    }

    private void LogAttemptFailure(bool leading, string reason)
    {
        if (leading)
        {
            Log.RenewFailed(_logger, _options.LeaseNamespace, _options.LeaseName, (long)RemainingLeadership().TotalMilliseconds, reason);
        }
        else
        {
            Log.AcquireFailed(_logger, _options.LeaseNamespace, _options.LeaseName, reason);
        }
    }

    private async Task ReleaseAsync()
    {
        // The caller's token is already cancelled; the release gets its own bounded call.
        using var timeout = new CancellationTokenSource(_options.CallTimeout, _time);
        try
        {
            if (await _lock.ReleaseAsync(timeout.Token))
            {
                Log.Released(_logger, _options.LeaseNamespace, _options.LeaseName);
            }
        }
        catch (Exception e)
        {
            Log.ReleaseFailed(_logger, _options.LeaseNamespace, _options.LeaseName, e.Message);
        }
    }

    private void SetLeader(bool leading)
    {
        _isLeader = leading;
        LeaderElectionMetrics.MasterStatus.Record(leading ? 1 : 0, _nameTag);
    }

    private void OnHolderChanged(string? holder)
    {
        _currentLeader = holder;
        if (holder is not null && holder != _options.Identity)
        {
            Log.ObservedLeader(_logger, _options.LeaseNamespace, _options.LeaseName, holder);
        }

        LeaderChanged?.Invoke(holder);
    }
}
