using System.Net.Http.Headers;

namespace BucketOperator.Kubernetes.Config;

/// <summary>Adds the bearer token, re-reading a token file once a minute (projected tokens rotate hourly).</summary>
internal sealed class TokenFileHandler(string? token, string? tokenFile, TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    // One immutable snapshot, swapped whole: concurrent requests never see a token paired with another read's time.
    private Snapshot _snapshot = new(token, DateTimeOffset.MinValue);

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
        var snapshot = Volatile.Read(ref _snapshot);
        if (tokenFile is null || time.GetUtcNow() - snapshot.ReadAt < RefreshInterval)
        {
            return snapshot.Token;
        }

        var fresh = new Snapshot((await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim(), time.GetUtcNow());
        Volatile.Write(ref _snapshot, fresh);
        return fresh.Token;
    }

    private sealed record Snapshot(string? Token, DateTimeOffset ReadAt)
    {
        // Never print the token (the generated ToString would).
        public override string ToString() => $"token read at {ReadAt:O}";
    }
}
