using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Watch;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Keeps a sink in step with the server, as client-go's reflector: a paged list (whose items replace what the
/// sink holds of this reflector's namespace, or of the cluster), then a watch from the list's resourceVersion that
/// resumes across dropped connections. When the watch history is gone (410) it relists at once; other failures relist after a jittered backoff
/// that resets only after the list and watch stayed healthy for <see cref="HealthyPeriod"/>.
/// </summary>
internal sealed class Reflector<T>(
    IKubernetesClient client,
    InformerOptions options,
    string? @namespace,
    Action<IReadOnlyList<T>> replace,
    Action<WatchEvent<T>> apply,
    Action contact,
    ILogger logger,
    TimeProvider time)
    where T : class, IKubernetesObject
{
    /// <summary>client-go's backoff manager resets after two minutes without a failure.</summary>
    internal static readonly TimeSpan HealthyPeriod = TimeSpan.FromMinutes(2);

    private readonly string _resource = ResourceName(ResourceType.Of<T>());

    internal static string ResourceName(ResourceType type) => type.Group.Length == 0 ? type.Plural : $"{type.Plural}.{type.Group}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                var resourceVersion = await ListAsync(cancellationToken);
                var watch = new ResumingWatch<T>(client, new ResumingWatchOptions
                {
                    ResourceVersion = resourceVersion,
                    Namespace = @namespace,
                    LabelSelector = options.LabelSelector,
                    FieldSelector = options.FieldSelector,
                    MinimumTimeout = options.WatchTimeout,
                    OnContact = contact,
                }, time);
                await foreach (var watchEvent in watch.WatchAsync(cancellationToken))
                {
                    apply(watchEvent);
                }
            }
            catch (KubernetesApiException e) when (e.IsGone && !cancellationToken.IsCancellationRequested)
            {
                Log.HistoryLost(logger, _resource, e.Status.Message ?? e.Message);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failures = time.GetElapsedTime(started) >= HealthyPeriod ? 0 : failures;
                var delay = Backoff(failures++);
                Log.ListWatchFailed(logger, e, _resource, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Lists every page; the items replace the sink's contents. Returns where the watch starts.</summary>
    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        CacheMetrics.Relists.Add(1, new KeyValuePair<string, object?>("resource", _resource));
        var items = new List<T>();
        string? continueToken = null;
        string? resourceVersion = null;
        var pages = 0;
        while (true)
        {
            KubernetesList<T> page;
            try
            {
                page = await client.ListAsync<T>(@namespace, new ListOptions
                {
                    LabelSelector = options.LabelSelector,
                    FieldSelector = options.FieldSelector,
                    Limit = options.PageSize,
                    Continue = continueToken,
                }, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsGone && continueToken is not null)
            {
                // The snapshot the pages came from was compacted: the pages so far no longer belong together.
                Log.ContinueExpired(logger, _resource);
                items.Clear();
                continueToken = null;
                continue;
            }

            pages++;
            items.AddRange(page.Items);
            continueToken = page.Metadata.ContinueProperty;
            resourceVersion = page.Metadata.ResourceVersion;
            if (string.IsNullOrEmpty(continueToken))
            {
                break;
            }
        }

        Log.Listed(logger, _resource, items.Count, resourceVersion, pages);
        contact();
        replace(items);
        return resourceVersion ?? throw new InvalidDataException($"LIST {_resource}: the response has no metadata.resourceVersion to watch from");
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = options.InitialBackoff * Math.Pow(2, Math.Min(failures, 16));
        delay = delay > options.MaximumBackoff ? options.MaximumBackoff : delay;

        // ±20 % so that many informers failing together do not retry in lockstep.
        return delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }
}
