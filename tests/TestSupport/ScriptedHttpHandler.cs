using System.Net;
using System.Text;

namespace BucketOperator.TestSupport;

/// <summary>
/// An in-memory HTTP peer for unit tests: answers each request with the next scripted response and keeps what was sent.
/// A delegating handler that never calls its inner one, so it also stands in front of a pipeline (the Kubernetes client's).
/// </summary>
public sealed class ScriptedHttpHandler : DelegatingHandler
{
    private readonly Queue<Func<CancellationToken, Task<(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string>? Headers)>>> _responses = new();

    public List<SentRequest> Requests { get; } = [];

    /// <param name="headers">Response headers, e.g. Retry-After.</param>
    public ScriptedHttpHandler Respond(HttpStatusCode status, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        _responses.Enqueue(_ => Task.FromResult((status, body, headers)));
        return this;
    }

    /// <summary>The next request gets no answer until it is cancelled.</summary>
    public ScriptedHttpHandler Hang()
    {
        _responses.Enqueue(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.FirstOrDefault() : null;
        Requests.Add(new SentRequest(request.Method, request.RequestUri!.PathAndQuery, authorization, request.Content?.Headers.ContentType?.MediaType, body));
        var (status, text, headers) = _responses.Count > 0 ? await _responses.Dequeue()(cancellationToken) : (HttpStatusCode.InternalServerError, "no scripted response", null);
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json"), RequestMessage = request };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

public sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Authorization, string? ContentType, string Body);
