using System.Collections.Concurrent;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>
/// Faults the simulator adds on request: latency, random 5xx, 429s and latency spikes, scripted answers, lost or
/// late responses, late commits, malformed answers to committed writes.
/// </summary>
public sealed class FaultInjector
{
    private readonly ConcurrentQueue<ScriptedFault> _scripted = new();
    private readonly Lock _gate = new();
    private Random _random = new(1);
    private double _serverErrorRate;
    private double _rateLimitedRate;
    private double _lateCommitRate;
    private double _lateAnswerRate;
    private (int ServerErrors, int RateLimited, int LateCommits, int LateAnswers) _injected;

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share (0–1) of requests answered with the endpoint's documented 500 instead of being processed.</summary>
    public double ServerErrorRate
    {
        get => _serverErrorRate;
        set => _serverErrorRate = Share(value);
    }

    /// <summary>
    /// Share (0–1) of requests answered with the documented 429 RATE_LIMIT_EXCEEDED (retry after
    /// <see cref="RateLimitedRetryAfter"/>) instead of being processed, whatever the request budget says.
    /// </summary>
    public double RateLimitedRate
    {
        get => _rateLimitedRate;
        set => _rateLimitedRate = Share(value);
    }

    /// <summary>The <c>meta.retry_after</c> of injected 429s, in whole seconds as the API writes it (default 1 s).</summary>
    public TimeSpan RateLimitedRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Share (0–1) of requests processed only after a random spike of up to <see cref="MaxLatencySpike"/>, whether or
    /// not the caller still waits: beyond the caller's deadline this is a write committed after the client gave up
    /// (as <see cref="CommitAfter"/>).
    /// </summary>
    public double LateCommitRate
    {
        get => _lateCommitRate;
        set => _lateCommitRate = Share(value);
    }

    /// <summary>
    /// Share (0–1) of requests processed at once and answered after a random spike of up to
    /// <see cref="MaxLatencySpike"/> (as <see cref="DelayResponseAfterCommit"/>): beyond the caller's deadline the
    /// write stands unanswered.
    /// </summary>
    public double LateAnswerRate
    {
        get => _lateAnswerRate;
        set => _lateAnswerRate = Share(value);
    }

    /// <summary>Longest latency spike (default 10 s); each spike is uniform between none and this.</summary>
    public TimeSpan MaxLatencySpike { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many of each random fault were injected so far: <c>(5xx, 429, late commits, late answers)</c>.</summary>
    public (int ServerErrors, int RateLimited, int LateCommits, int LateAnswers) Injected
    {
        get
        {
            lock (_gate)
            {
                return _injected;
            }
        }
    }

    /// <summary>Makes the random choices (5xx, 429, spikes and their lengths) repeatable.</summary>
    public void Seed(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> matching requests get this status and raw body instead of being processed.
    /// Without a body they get the endpoint's documented error for the status: e.g. on
    /// <c>…/lifecycle_rules</c> 500 LIFECYCLE_RULE_CREATE_ERROR (POST), _UPDATE_ERROR (PATCH, PUT) or _DESTROY_ERROR
    /// (DELETE), 422 VALIDATION_ERROR, 403 STORAGE_NOT_ENABLED, 404 not_found; elsewhere the generic shape.
    /// </summary>
    public void RespondNext(string method, string path, int status, string? body = null, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.Respond, status, body));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are fully processed (the bucket or key is created), then
    /// answered with this status and raw body instead of the real answer: a malformed or misleading answer to a
    /// write that happened.
    /// </summary>
    public void RespondAfterCommit(string method, string path, int status, string body, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.RespondAfterCommit, status, body));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are fully processed (the bucket or key is created),
    /// then the connection is dropped before the answer: the caller cannot know it succeeded.
    /// </summary>
    public void DropResponseAfterCommit(string method, string path, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.DropResponse));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are refused without being processed (nothing is created),
    /// and the connection is dropped before any answer: the caller cannot tell this refusal from a lost success.
    /// </summary>
    public void RefuseAndDropResponse(string method, string path, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.RefuseAndDrop));

    /// <summary>
    /// From now on every matching request gets this status instead of being processed, until
    /// <see cref="StopAlwaysRespond"/> or <see cref="Clear"/>. The body is <paramref name="body"/> as given, or when
    /// null the endpoint's documented error for the status (as <see cref="RespondNext"/>), else the documented error
    /// shape (code, title, detail, meta, status) named after the status, e.g. 503 SERVICE_UNAVAILABLE. Faults scripted earlier for the same requests still come first.
    /// </summary>
    public void AlwaysRespond(string method, string path, int status, string? body = null) =>
        _scripted.Enqueue(new ScriptedFault(method, path, 1, FaultAction.Respond, status, body) { Standing = true });

    /// <summary>Ends every <see cref="AlwaysRespond"/> registered with exactly this method and path.</summary>
    public void StopAlwaysRespond(string method, string path)
    {
        lock (_gate)
        {
            foreach (var fault in _scripted.Where(f => f.Standing && f.Method == method && f.Path == path))
            {
                fault.Remaining = 0;
            }
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> matching requests are fully processed at once, but their answer is held
    /// back for <paramref name="delay"/> of the simulator's clock: a caller whose deadline is shorter gives up on a
    /// write that already happened (and, listing right away, finds it).
    /// </summary>
    public void DelayResponseAfterCommit(string method, string path, TimeSpan delay, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.DelayResponse, Delay: delay));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are processed only after <paramref name="delay"/> of the
    /// simulator's clock, whether or not the caller still waits (a provider finishing work the client gave up on):
    /// until then a list does not show the bucket or key; afterwards it does, and a second create meets a 409.
    /// Wait for the commit with <see cref="RequestLog.WaitForAsync"/>.
    /// </summary>
    public void CommitAfter(string method, string path, TimeSpan delay, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.DelayCommit, Delay: delay));

    public void Clear()
    {
        _scripted.Clear();
        Latency = TimeSpan.Zero;
        ServerErrorRate = 0;
        RateLimitedRate = 0;
        LateCommitRate = 0;
        LateAnswerRate = 0;
    }

    internal ScriptedFault? Take(string method, string path)
    {
        lock (_gate)
        {
            var fault = _scripted.FirstOrDefault(f => f.Remaining > 0 && f.Method == method && RequestLog.Matches(f.Path, path));
            if (fault is null)
            {
                return null;
            }

            if (!fault.Standing)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    internal bool RollServerError() => Roll(_serverErrorRate, ref _injected.ServerErrors);

    internal bool RollRateLimited() => Roll(_rateLimitedRate, ref _injected.RateLimited);

    /// <summary>A random fault of the rates above for one request: a late commit or a late answer and its delay; null for neither.</summary>
    internal ScriptedFault? RollLatencySpike()
    {
        lock (_gate)
        {
            var roll = _random.NextDouble();
            var action = roll < _lateCommitRate ? FaultAction.DelayCommit : roll < _lateCommitRate + _lateAnswerRate ? FaultAction.DelayResponse : (FaultAction?)null;
            if (action is not { } spike)
            {
                return null;
            }

            if (spike == FaultAction.DelayCommit)
            {
                _injected.LateCommits++;
            }
            else
            {
                _injected.LateAnswers++;
            }

            return new ScriptedFault("", "", 1, spike, Delay: MaxLatencySpike * _random.NextDouble());
        }
    }

    private static double Share(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "a share between 0 and 1");

    private bool Roll(double rate, ref int injected)
    {
        lock (_gate)
        {
            if (rate > 0 && _random.NextDouble() < rate)
            {
                injected++;
                return true;
            }

            return false;
        }
    }

    internal enum FaultAction
    {
        Respond,
        RespondAfterCommit,
        DropResponse,
        RefuseAndDrop,
        DelayResponse,
        DelayCommit,
    }

    /// <param name="Body">The raw body of a scripted answer; null for the documented error shape of <paramref name="Status"/>.</param>
    internal sealed record ScriptedFault(string Method, string Path, int Times, FaultAction Action, int Status = 0, string? Body = null, TimeSpan Delay = default)
    {
        public int Remaining { get; set; } = Times;

        /// <summary>Applies to every match until stopped, instead of <see cref="Times"/> of them.</summary>
        public bool Standing { get; init; }
    }
}
