using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>Every request in arrival order, for assertions such as "exactly one POST /storage/buckets".</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _entries = new();

    public IReadOnlyList<RecordedRequest> Entries => [.. _entries];

    /// <summary>Requests with this method whose path is <paramref name="path"/> (or starts with it, when it ends in '*').</summary>
    public int Count(string method, string path) => Entries.Count(e => e.Method == method && Matches(path, e.Path));

    public void Clear() => _entries.Clear();

    internal static bool Matches(string pattern, string path) =>
        pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;

    internal void Add(RecordedRequest entry) => _entries.Enqueue(entry);
}

internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, SimulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            await next(context);
        }
        finally
        {
            var aborted = context.RequestAborted.IsCancellationRequested;
            log.Add(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", aborted ? 0 : context.Response.StatusCode, options.Time.GetUtcNow()));
        }
    }
}
