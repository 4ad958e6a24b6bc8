using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Deletion (SPEC "Safety rules"): <c>Retain</c> keeps the bucket and keys; <c>Delete</c> deletes the bucket
/// (404 counts as gone; 409 not-empty or locked is <c>DeletionBlocked</c>, retried slowly), then this object's
/// keys, then the finalizer. A resource whose create never happened leaves without any API call.
/// </summary>
internal sealed class BucketFinalizer(IKubernetesClient client, StatusUpdater status, BucketInventory inventory, IEventRecorder events)
{
    /// <summary>Whether finalizing needs the Latitude API (and so a token): only a Delete of a bucket that exists or may exist.</summary>
    public static bool NeedsProvider(ObjectBucket bucket, DesiredBucket desired) =>
        desired.DeletionPolicy == DeletionPolicies.Delete && (bucket.Status?.BucketId is not null || bucket.Status?.CreatePending is not null);

    /// <summary>Retain, or nothing was ever created: the finalizer goes, the bucket (if any) stays.</summary>
    public async Task<ReconcileResult> ReleaseAsync(ObjectBucket bucket, CancellationToken cancellationToken)
    {
        if (bucket.Status?.BucketId is { } id)
        {
            await events.RecordAsync(bucket, EventType.Normal, EventReasons.Retained, $"Kept bucket {bucket.Status.BucketName} ({id}): deletionPolicy is Retain", cancellationToken);
        }

        await RemoveFinalizerAsync(bucket);
        return ReconcileResult.Done;
    }

    public async Task<ReconcileResult> DeleteAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var recorded = context.Bucket.Status!;
        context.Bucket = await status.WriteAsync(context.Bucket, ReadyState.Progressing(ReadyReasons.Deleting, "deleting the Latitude bucket"), null, cancellationToken);
        var name = recorded.BucketName ?? context.Desired.BucketName;
        var id = recorded.BucketId ?? (await inventory.ListAsync(context.Latitude, context.Token, context.Project, cancellationToken))
            .FirstOrDefault(b => b.IsNamed(name) && (b.CreatedAt is null || b.CreatedAt >= recorded.CreatePending - TimeSpan.FromMinutes(5)))?.Id;
        if (id is not null)
        {
            await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.Deleting, $"Deleting bucket {name} ({id})", cancellationToken);
            await context.Latitude.DeleteBucketAsync(id, cancellationToken);
            inventory.Invalidate(context.Token, context.Project);
        }

        // Keys are issued only after a bucket was recorded; with neither a recorded nor a found bucket there are none.
        if (recorded.BucketId is not null || id is not null)
        {
            await CredentialManager.DeleteKeysAsync(context, keep: null, cancellationToken);
        }

        await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.Deleted, $"Deleted bucket {name} and its access keys", cancellationToken);
        await RemoveFinalizerAsync(context.Bucket);
        return ReconcileResult.Done;
    }

    // Cancelling this last write would leave the bucket deleted and the object stuck: it must go through.
    private Task<ObjectBucket> RemoveFinalizerAsync(ObjectBucket bucket) => Finalizers.RemoveAsync(client, bucket, ObjectBucketNames.Finalizer, CancellationToken.None);
}
