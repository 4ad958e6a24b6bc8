using System.Net;
using System.Xml.Linq;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>
/// The S3 endpoint handed out when permissions are enforced: a reverse proxy on loopback before s3rver that asks
/// <see cref="S3AccessPolicy"/> about each request's key and bucket, answers a refusal as S3 does (XML error, 403),
/// and forwards the rest unchanged. The Host header goes through as the client sent it: SigV4 signs it, and s3rver
/// checks the signature against what it receives.
/// </summary>
internal sealed class S3PermissionFront : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Expect", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private S3PermissionFront(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
        Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Endpoint { get; }

    public static async Task<S3PermissionFront> StartAsync(Uri s3rver, SimulatorState state, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0").ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = s3rver,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var policy = new S3AccessPolicy(state);
        app.Run(context => HandleAsync(context, policy, upstream));
        await app.StartAsync(cancellationToken);
        return new S3PermissionFront(app, upstream);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private static async Task HandleAsync(HttpContext context, S3AccessPolicy policy, HttpClient upstream)
    {
        var request = context.Request;
        // A CORS preflight carries no credentials; s3rver answers it from the bucket's CORS configuration.
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        var refusal = HttpMethods.IsOptions(request.Method) ? null : policy.Check(S3Credential.AccessKeyOf(request), BucketOf(request.Path), write: !read);
        try
        {
            await (refusal is null ? ForwardAsync(context, upstream) : RefuseAsync(context, refusal));
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The client went away; there is nobody to answer.
        }
    }

    /// <summary>Path-style addressing (s3rver runs without virtual hosts): the first segment names the bucket.</summary>
    private static string? BucketOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 ? segments[0] : null;
    }

    private static async Task RefuseAsync(HttpContext context, S3Refusal refusal)
    {
        // Read what the client sends first, so that it gets the answer instead of a reset connection.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.StatusCode = refusal.Status;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var error = new XElement("Error",
            new XElement("Code", refusal.Code),
            new XElement("Message", refusal.Message),
            new XElement("Resource", context.Request.Path.Value),
            new XElement("RequestId", context.TraceIdentifier));
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + error.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        using var message = Outgoing(context.Request, upstream.BaseAddress!);
        using var response = await upstream.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (response.Content.Headers.ContentLength is { } length)
        {
            context.Response.ContentLength = length;
        }

        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>The request as the client sent it, target bytes included (the signature covers the exact path and query).</summary>
    private static HttpRequestMessage Outgoing(HttpRequest request, Uri s3rver)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var uri = new Uri(s3rver.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
            message.Content.Headers.ContentLength = request.ContentLength;
        }

        foreach (var header in request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        message.Headers.Host = request.Host.Value;
        return message;
    }
}
