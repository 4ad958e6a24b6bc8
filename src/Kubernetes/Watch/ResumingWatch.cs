using System.Runtime.CompilerServices;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Watch;

/// <summary>
/// A watch that outlives its connections: when the server ends a stream (its timeout, a restart, a proxy)
/// or the connection drops, it reconnects from the newest resourceVersion it has seen, bookmarks
/// included, so no event is missed or repeated. Connections start at least
/// <see cref="ResumingWatchOptions.MinimumRestartInterval"/> apart; failures (errors, and streams that end at
/// once with nothing in them) back off with jitter, and a connection silent for
/// <see cref="ResumingWatchOptions.IdleTimeout"/> is abandoned. It ends only when cancelled or when the version
/// has been compacted away (410 Gone / Expired, thrown as <see cref="KubernetesApiException"/>): the caller
/// must then list again and start a new watch from the list's resourceVersion.
/// </summary>
public sealed class ResumingWatch<T>(IKubernetesClient client, ResumingWatchOptions options, TimeProvider? time = null, ILogger? logger = null)
    where T : class, IKubernetesObject
{
    private static readonly string ResourceName = WatchMetrics.ResourceName(ResourceType.Of<T>());
    private static readonly KeyValuePair<string, object?> ResourceTag = new("resource", ResourceName);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The newest resourceVersion delivered (or bookmarked); where the next connection starts.</summary>
    public string ResourceVersion { get; private set; } = options.ResourceVersion;

    /// <summary>How many connections were opened, including the first.</summary>
    public int Connections { get; private set; }

    /// <summary>Events other than bookmarks, in server order.</summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var backoff = new RestartBackoff(options, _time, Random.Shared.NextDouble);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Connections++ > 0)
            {
                WatchMetrics.Restarts.Add(1, ResourceTag);
            }

            var startedAt = _time.GetUtcNow();
            var received = 0;
            Exception? failure = null;
            var timeout = RandomTimeout();
            var listOptions = new ListOptions
            {
                ResourceVersion = ResourceVersion,
                LabelSelector = options.LabelSelector,
                FieldSelector = options.FieldSelector,
                TimeoutSeconds = timeout,
            };

            // The server ends the stream after its timeout; a connection that died silently (half-open TCP) or a
            // peer that stopped forwarding would never end, so the client gives up on its own as well.
            using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeout) + options.ClientGrace, _time))
            using (var idle = new CancellationTokenSource(options.IdleTimeout, _time))
            using (var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token, idle.Token))
            {
                await using var events = client.WatchAsync<T>(options.Namespace, listOptions, connection.Token).GetAsyncEnumerator(connection.Token);
                while (true)
                {
                    WatchEvent<T> watchEvent;
                    try
                    {
                        // Only time spent waiting on the server counts as idle, not time the caller spends on an event.
                        idle.CancelAfter(options.IdleTimeout);
                        if (!await events.MoveNextAsync())
                        {
                            if (!backoff.WasTooShort(startedAt, received))
                            {
                                options.OnContact?.Invoke();
                            }

                            break;
                        }

                        watchEvent = events.Current;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || idle.IsCancellationRequested))
                    {
                        Log.Abandoned(_logger, ResourceName, Connections, options.IdleTimeout.TotalSeconds);
                        break;
                    }
                    catch (Exception e) when (IsTransient(e, cancellationToken))
                    {
                        failure = e;
                        break;
                    }

                    received++;
                    options.OnContact?.Invoke();
                    ResourceVersion = watchEvent.ResourceVersion ?? ResourceVersion;
                    if (!watchEvent.IsBookmark)
                    {
                        yield return watchEvent;
                    }
                }
            }

            var delay = backoff.Next(startedAt, failed: failure is not null || backoff.WasTooShort(startedAt, received));
            if (failure is not null)
            {
                Log.ConnectionFailed(_logger, failure, ResourceName, ResourceVersion, Connections, (long)delay.TotalMilliseconds);
            }
            else
            {
                Log.Reconnecting(_logger, ResourceName, ResourceVersion, Connections, received, (long)delay.TotalMilliseconds);
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    /// <summary>Errors a later connection may not meet: the server or the network, not the request.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e switch
        {
            KubernetesApiException api => !api.IsGone && (api.Status.Code >= 500 || api.IsTooManyRequests),
            // A connect or response-headers deadline of the transport, not the caller's cancellation.
            HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
            _ => false,
        };

    /// <summary>client-go's choice: spread reconnects between the minimum and twice it so clients do not move in lockstep.</summary>
    private int RandomTimeout()
    {
        var min = (int)options.MinimumTimeout.TotalSeconds;
        return Random.Shared.Next(min, (2 * min) + 1);
    }
}
