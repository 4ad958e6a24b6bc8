namespace BucketOperator.Kubernetes.LeaderElection;

/// <summary>
/// Which Lease to hold, as whom, and the timing of the election. The defaults are client-go's and
/// controller-runtime's (15 s / 10 s / 2 s). <see cref="Validate"/> requires
/// <c>LeaseDuration &gt; RenewDeadline &gt; 1.2 × RetryPeriod &gt; 0</c> and a renew deadline longer than the
/// shortest per-call timeout (1 s).
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>How far client-go stretches each acquire retry at random (up to 1.2 × RetryPeriod more), so candidates do not poll in lockstep.</summary>
    internal const double JitterFactor = 1.2;

    private static readonly TimeSpan MinimumCallTimeout = TimeSpan.FromSeconds(1);

    public required string LeaseName { get; init; }

    public required string LeaseNamespace { get; init; }

    /// <summary>Unique per process, so a restarted process is a new candidate (default <c>hostname_guid</c>, as controller-runtime).</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid()}";

    /// <summary>
    /// How long candidates wait, on their own clocks, after they last saw the lease record change before they
    /// take it over (default 15 s). Written to the Lease as <c>leaseDurationSeconds</c>.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leadership (default 10 s).</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates try to acquire (jittered) and the leader renews (default 2 s).</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether the leader, once its work has stopped after cancellation, releases the lease so another
    /// candidate takes over at once instead of after <see cref="LeaseDuration"/> (default true).
    /// </summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <summary>
    /// The bound on each acquire, renew or release attempt: half the renew deadline, at least 1 s (as
    /// controller-runtime's lock client), so one hung call leaves time for another before the deadline.
    /// </summary>
    public TimeSpan CallTimeout => RenewDeadline / 2 > MinimumCallTimeout ? RenewDeadline / 2 : MinimumCallTimeout;

    /// <summary>The lease duration as written to the Lease, rounded up to whole seconds so others never wait less than we assume.</summary>
    internal int LeaseDurationSeconds => (int)Math.Ceiling(LeaseDuration.TotalSeconds);

    /// <exception cref="ArgumentException">A name is empty or the timings are inconsistent; the message names the setting.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(LeaseName), "LeaseName must not be empty.");
        Require(!string.IsNullOrWhiteSpace(LeaseNamespace), "LeaseNamespace must not be empty.");
        Require(!string.IsNullOrWhiteSpace(Identity), "Identity must not be empty.");
        Require(RetryPeriod > TimeSpan.Zero, $"RetryPeriod must be positive, was {RetryPeriod}.");
        Require(
            RenewDeadline > RetryPeriod * JitterFactor,
            $"RenewDeadline ({RenewDeadline}) must be greater than {JitterFactor} × RetryPeriod ({RetryPeriod}), so that a failed renewal can be retried before the deadline.");
        Require(
            RenewDeadline > MinimumCallTimeout,
            $"RenewDeadline ({RenewDeadline}) must be greater than {MinimumCallTimeout}, the shortest per-call timeout.");
        Require(
            LeaseDuration > RenewDeadline,
            $"LeaseDuration ({LeaseDuration}) must be greater than RenewDeadline ({RenewDeadline}), so that a leader stops before others may take over.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid leader election options: {message}");
        }
    }
}
