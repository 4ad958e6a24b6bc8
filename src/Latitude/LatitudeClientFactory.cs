using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BucketOperator.Latitude.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Latitude;

/// <summary>
/// Hands out a client per API token over one shared HttpClient. Clients for the same token share one
/// <see cref="TokenRateLimiter"/>, because Latitude counts requests per token, whichever worker sends them. All
/// its clients share what they learn of the API's routes (the lifecycle-rule update method).
/// </summary>
public sealed class LatitudeClientFactory(HttpClient http, LatitudeClientOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null)
{
    private readonly ConcurrentDictionary<string, TokenRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<LatitudeClient>();
    private readonly LifecycleRuleUpdateRoute _ruleUpdate = new();

    public ILatitudeClient ForToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var limiter = _limiters.GetOrAdd(Fingerprint(token), _ => new TokenRateLimiter(options.ReadsPerMinute, options.WritesPerMinute, _time, options.RateLimitWindow));
        return new LatitudeClient(http, token.Trim(), limiter, options, _time, _logger, _ruleUpdate);
    }

    /// <summary>An HttpClient for <see cref="LatitudeClientOptions.BaseAddress"/>; deadlines come from the options, not HttpClient.Timeout.</summary>
    public static HttpClient CreateHttpClient(LatitudeClientOptions options, HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    // Keyed by a hash so the dictionary never holds a second copy of the token in plain text.
    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}
