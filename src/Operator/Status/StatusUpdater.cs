using System.Text.Json;
using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Status;

/// <summary>
/// Writes an ObjectBucket's status only when it changes (an unchanged resource causes no write), keeps the
/// Ready condition's lastTransitionTime unless its status changes, and emits a Warning Event when Ready moves
/// into a failure. Writes carry the object's resourceVersion, so a stale view fails (409) instead of
/// overwriting a newer status.
/// </summary>
internal sealed class StatusUpdater(IKubernetesClient client, IEventRecorder events, TimeProvider time)
{
    /// <summary>
    /// Longest condition message: a provider's error text can be any size, and over the API server's limit the
    /// status write would fail, leaving no condition at all. Events are cut at about the same length.
    /// </summary>
    public const int MaxMessageLength = 1024;

    public async Task<ObjectBucket> WriteAsync(ObjectBucket bucket, ReadyState ready, Func<ObjectBucketStatus, ObjectBucketStatus>? change, CancellationToken cancellationToken)
    {
        var message = MessageText.Excerpt(ready.Message.Length == 0 ? ready.Reason : ready.Message, MaxMessageLength);
        var old = bucket.Status ?? new ObjectBucketStatus();
        var conditions = (old.Conditions ?? []).ToList();
        var previous = Conditions.Find(conditions, ObjectBucketNames.ReadyCondition);
        Conditions.Set(conditions, new Condition
        {
            Type = ObjectBucketNames.ReadyCondition,
            Status = ready.Status,
            Reason = ready.Reason,
            Message = message,
            ObservedGeneration = bucket.Metadata.Generation,
            LastTransitionTime = time.GetUtcNow(),
        });
        var updated = (change?.Invoke(old) ?? old) with { ObservedGeneration = bucket.Metadata.Generation, Conditions = conditions };
        if (Same(old, updated))
        {
            return bucket;
        }

        var written = await client.ReplaceStatusAsync(bucket with { Status = updated }, cancellationToken);
        if (ready.IsWarning && (previous?.Status != ready.Status || previous.Reason != ready.Reason))
        {
            await events.RecordAsync(written, EventType.Warning, ready.Reason, message, cancellationToken);
        }

        return written;
    }

    private static bool Same(ObjectBucketStatus a, ObjectBucketStatus b) =>
        JsonSerializer.Serialize(a, EntitiesJsonContext.Default.ObjectBucketStatus) == JsonSerializer.Serialize(b, EntitiesJsonContext.Default.ObjectBucketStatus);
}
