using System.Collections.Concurrent;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>Faults the simulator adds on request: latency, random 5xx, scripted answers, lost responses.</summary>
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
        _scripted.Enqueue(new ScriptedFault(method, path, times, status, body));

    /// <summary>
    /// The next <paramref name="times"/> matching requests are fully processed (the bucket or key is created),
    /// then the connection is dropped before the answer: the caller cannot know it succeeded.
    /// </summary>
    public void DropResponseAfterCommit(string method, string path, int times = 1) =>
        _scripted.Enqueue(new ScriptedFault(method, path, times, Status: null, Body: null));

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

    internal sealed record ScriptedFault(string Method, string Path, int Times, int? Status, string? Body)
    {
        public int Remaining { get; set; } = Times;

        public bool DropsResponse => Status is null;
    }
}
