using System.Runtime.CompilerServices;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Watch;

/// <summary>
/// A watch that outlives its connections: when the server ends a stream (its timeout, a restart, a proxy)
/// or the connection drops, it reconnects from the newest resourceVersion it has seen, bookmarks
/// included, so no event is missed or repeated. It ends only when cancelled or when the version has
/// been compacted away (410 Gone / Expired, thrown as <see cref="KubernetesApiException"/>): the caller
/// must then list again and start a new watch from the list's resourceVersion.
/// </summary>
public sealed class ResumingWatch<T>(IKubernetesClient client, ResumingWatchOptions options, TimeProvider? time = null)
    where T : IKubernetesObject<T>
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The newest resourceVersion delivered (or bookmarked); where the next connection starts.</summary>
    public string ResourceVersion { get; private set; } = options.ResourceVersion;

    /// <summary>How many connections were opened, including the first.</summary>
    public int Connections { get; private set; }

    /// <summary>Events other than bookmarks, in server order.</summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var timeout = RandomTimeout();
            var listOptions = new ListOptions
            {
                ResourceVersion = ResourceVersion,
                LabelSelector = options.LabelSelector,
                FieldSelector = options.FieldSelector,
                TimeoutSeconds = timeout,
            };
            Connections++;

            // The server ends the stream after its timeout; if the connection died silently (half-open TCP),
            // nothing would ever end it, so the client gives up a little later on its own.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeout) + options.ClientGrace, _time);
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            await using var events = client.WatchAsync<T>(options.Namespace, listOptions, connection.Token).GetAsyncEnumerator(connection.Token);
            while (true)
            {
                WatchEvent<T> watchEvent;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        failures = 0;
                        break;
                    }

                    watchEvent = events.Current;
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (IsTransient(e, cancellationToken))
                {
                    await Task.Delay(Backoff(failures++), _time, cancellationToken);
                    break;
                }

                failures = 0;
                ResourceVersion = watchEvent.Object.Metadata.ResourceVersion ?? ResourceVersion;
                if (watchEvent.Type != WatchEventType.Bookmark)
                {
                    yield return watchEvent;
                }
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e switch
        {
            KubernetesApiException api => !api.IsGone && (api.Status.Code >= 500 || api.Status.Code == 429),
            HttpRequestException or IOException => true,
            _ => false,
        };

    /// <summary>client-go's choice: spread reconnects between the minimum and twice it so clients do not move in lockstep.</summary>
    private int RandomTimeout()
    {
        var min = (int)options.MinimumTimeout.TotalSeconds;
        return Random.Shared.Next(min, (2 * min) + 1);
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = options.InitialBackoff * Math.Pow(2, Math.Min(failures, 16));
        return delay > options.MaximumBackoff ? options.MaximumBackoff : delay;
    }
}
