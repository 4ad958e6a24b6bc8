using System.Collections.Concurrent;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>Faults the simulator adds on request: latency, random 5xx, scripted answers, lost or late responses, late commits.</summary>
public sealed class FaultInjector
{
    private readonly ConcurrentQueue<ScriptedFault> _scripted = new();
    private readonly Lock _gate = new();
    private Random _random = new(1);
    private double _serverErrorRate;

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share (0–1) of requests answered with the endpoint's documented 500 instead of being processed.</summary>
    public double ServerErrorRate
    {
        get => _serverErrorRate;
        set => _serverErrorRate = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "a share between 0 and 1");
    }

    /// <summary>Makes the random 5xx choice repeatable.</summary>
    public void Seed(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="times"/> matching requests get this status and raw body instead of being processed.</summary>
    public void RespondNext(string method, string path, int status, string body, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.Respond, status, body));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are fully processed (the bucket or key is created),
    /// then the connection is dropped before the answer: the caller cannot know it succeeded.
    /// </summary>
    public void DropResponseAfterCommit(string method, string path, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, FaultAction.DropResponse));

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

            fault.Remaining--;
            return fault;
        }
    }

    internal bool RollServerError()
    {
        lock (_gate)
        {
            return _serverErrorRate > 0 && _random.NextDouble() < _serverErrorRate;
        }
    }

    internal enum FaultAction
    {
        Respond,
        DropResponse,
        DelayResponse,
        DelayCommit,
    }

    internal sealed record ScriptedFault(string Method, string Path, int Times, FaultAction Action, int Status = 0, string? Body = null, TimeSpan Delay = default)
    {
        public int Remaining { get; set; } = Times;
    }
}
