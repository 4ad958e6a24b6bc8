namespace BucketOperator.Operator.Hosting;

/// <summary>
/// What <c>/healthz</c> and <c>/readyz</c> answer. Live: every watch has heard from the API server within
/// <see cref="WatchSilenceLimit"/> and leadership was not lost. Ready: live, and every cache has synced. A
/// replica waiting for the lease is live and ready: its caches are warm for a fast takeover.
/// </summary>
public sealed class OperatorHealth(BucketOperatorRuntime runtime)
{
    /// <summary>
    /// A healthy watch hears from the server at least every couple of minutes (bookmarks, reconnects), so five
    /// minutes of silence means it cannot reconnect. Long enough that a short API server outage does not get the
    /// operator restarted.
    /// </summary>
    public static readonly TimeSpan WatchSilenceLimit = TimeSpan.FromMinutes(5);

    private volatile string? _fatal;

    /// <summary>Marks the process as dead for the probes (a lost lease, a controller that stopped); it is about to exit.</summary>
    public void Fail(string reason) => _fatal = reason;

    public (bool Ok, string Detail) Liveness()
    {
        if (_fatal is { } fatal)
        {
            return (false, fatal);
        }

        var silence = runtime.LongestWatchSilence;
        return silence > WatchSilenceLimit
            ? (false, $"a watch has not heard from the API server for {silence.TotalSeconds:0} s")
            : (true, "ok");
    }

    public (bool Ok, string Detail) Readiness()
    {
        var live = Liveness();
        if (!live.Ok)
        {
            return live;
        }

        return runtime.HasSynced ? (true, "ok") : (false, "caches not synced yet");
    }
}
