using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.LocalEnvironment;

/// <summary>Waits for the operator's verdict on the samples.</summary>
internal static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    // Reasons the operator is still working through; any other Ready=False reason is its answer until something
    // changes (a region not sold, a name taken), so waiting longer would only delay the report.
    private static readonly HashSet<string> Transient = [ReadyReasons.Provisioning, ReadyReasons.RateLimited, ReadyReasons.ProviderError];

    /// <summary>
    /// Polls until every sample is Ready=True or has settled on a failure for its current generation, or
    /// <paramref name="timeout"/> passes; returns the samples as last read. Fails when the operator stops.
    /// </summary>
    public static async Task<IReadOnlyList<ObjectBucket>> WaitAsync(
        IKubernetesClient client, IReadOnlyList<ObjectKey> samples, Task operatorRun, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var buckets = new List<ObjectBucket>();
            foreach (var key in samples)
            {
                if (await client.GetAsync<ObjectBucket>(key.Name, key.Namespace, cancellationToken) is { } bucket)
                {
                    buckets.Add(bucket);
                }
            }

            if (buckets.All(Settled) || time.GetElapsedTime(started) >= timeout)
            {
                return buckets;
            }

            if (operatorRun.IsCompleted)
            {
                await operatorRun;
                throw new InvalidOperationException("the operator stopped before the samples were reconciled");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public static Condition? Ready(ObjectBucket bucket) =>
        bucket.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition);

    private static bool Settled(ObjectBucket bucket) =>
        Ready(bucket) is { } ready
        && ready.ObservedGeneration == bucket.Metadata.Generation
        && (ready.Status == "True" || !Transient.Contains(ready.Reason));
}
