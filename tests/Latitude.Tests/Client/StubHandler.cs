using System.Net;
using System.Text;

namespace BucketOperator.Latitude.Tests.Client;

/// <summary>Answers every request with the next scripted response and keeps what was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _responses = new();

    public List<(HttpMethod Method, string PathAndQuery, string? Authorization, string? ContentType, string Body)> Requests { get; } = [];

    public StubHandler Respond(HttpStatusCode status, string body)
    {
        _responses.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString() ?? request.Headers.GetValues("Authorization").FirstOrDefault(),
            request.Content?.Headers.ContentType?.MediaType, body));
        var (status, text) = _responses.Count > 0 ? _responses.Dequeue() : (HttpStatusCode.InternalServerError, "no scripted response");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/vnd.api+json"), RequestMessage = request };
    }
}
