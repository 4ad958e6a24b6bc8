using System.Net.Http.Headers;

namespace BucketOperator.Kubernetes.Config;

/// <summary>Adds the bearer token, re-reading a token file once a minute (projected tokens rotate hourly).</summary>
internal sealed class TokenFileHandler(string? token, string? tokenFile, TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private string? _cached = token;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = await CurrentTokenAsync(cancellationToken);
        if (current is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string?> CurrentTokenAsync(CancellationToken cancellationToken)
    {
        if (tokenFile is null || time.GetUtcNow() - _readAt < RefreshInterval)
        {
            return _cached;
        }

        _cached = (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim();
        _readAt = time.GetUtcNow();
        return _cached;
    }
}
