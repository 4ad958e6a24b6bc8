using System.Net;
using System.Text;

namespace BucketOperator.TestSupport;

/// <summary>An in-memory HTTP peer for unit tests: answers each request with the next scripted response and keeps what was sent.</summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<(HttpStatusCode Status, string Body)>>> _responses = new();

    public List<SentRequest> Requests { get; } = [];

    public ScriptedHttpHandler Respond(HttpStatusCode status, string body)
    {
        _responses.Enqueue(_ => Task.FromResult((status, body)));
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
        var (status, text) = _responses.Count > 0 ? await _responses.Dequeue()(cancellationToken) : (HttpStatusCode.InternalServerError, "no scripted response");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}

public sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Authorization, string? ContentType, string Body);
