namespace BucketOperator.Operator.Reconciliation;

/// <summary>What <see cref="BucketReconciler"/> needs from the operator's settings.</summary>
internal sealed record ReconcilerOptions
{
    public string? DefaultProject { get; init; }

    /// <summary>How long a project's bucket list serves drift checks (the resync period, default 10 min).</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When a terminal (Ready=False) state is looked at again without any change (default 5 min): the cause may be fixed outside the cluster.</summary>
    public TimeSpan TerminalRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait after a transient Latitude failure (default 5 s), doubling to 5 min.</summary>
    public TimeSpan ProviderRetry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait after transient failures in a row (default 5 min).</summary>
    public TimeSpan MaxProviderRetry { get; init; } = TimeSpan.FromMinutes(5);
}
