using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>Every request in arrival order, for assertions such as "exactly one POST /storage/buckets".</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _entries = new();
    private readonly List<(string Method, string Path, int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _gate = new();

    /// <summary>Finished requests: an entry is added once the simulator is done with the request, answered or not.</summary>
    public IReadOnlyList<RecordedRequest> Entries => [.. _entries];

    /// <summary>Requests with this method whose path is <paramref name="path"/> (or starts with it, when it ends in '*').</summary>
    public int Count(string method, string path) => Entries.Count(e => e.Method == method && Matches(path, e.Path));

    /// <summary>
    /// Completes once <see cref="Count"/> reaches <paramref name="count"/>: e.g. once a request the caller gave up
    /// on has been committed (<see cref="FaultInjector.CommitAfter"/>). Fails after <paramref name="realTimeout"/>
    /// (default 10 s), a guard against a hang, not a measure.
    /// </summary>
    public async Task WaitForAsync(string method, string path, int count = 1, TimeSpan? realTimeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Count(method, path) >= count)
            {
                return;
            }

            _waiters.Add((method, path, count, done));
        }

        try
        {
            await done.Task.WaitAsync(realTimeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw new TimeoutException($"expected {count} finished {method} {path}, have {Count(method, path)}");
        }
    }

    public void Clear() => _entries.Clear();

    internal static bool Matches(string pattern, string path) =>
        pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;

    internal void Add(RecordedRequest entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => Count(w.Method, w.Path) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}

internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, SimulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var received = options.Time.GetUtcNow();
        var logged = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                log.Add(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", status, options.Time.GetUtcNow(), received));
            }
        }

        // Logged as the answer starts, before the client can see it: a test that counts requests right after
        // its call returned must find this one.
        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            // Dropped (0), or an answer without a body, whose headers go out only after this middleware returns.
            Record(DroppedAnswer.IsUnanswered(context) ? 0 : context.Response.StatusCode);
        }
    }
}
