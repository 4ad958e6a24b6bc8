using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Deletion (SPEC "Safety rules", "Credentials lifecycle"): <c>Delete</c> deletes the bucket (404 counts as gone; 409
/// not-empty or locked is <c>DeletionBlocked</c>, retried slowly without flapping), then this object's keys, then the
/// finalizer; <c>Retain</c> keeps the bucket but deletes the keys issued for it unless the retain-credentials
/// annotation says otherwise. A bucket another ObjectBucket holds is never deleted. A resource whose create never
/// happened leaves without any API call.
/// </summary>
internal sealed class BucketFinalizer(IKubernetesClient client, StatusUpdater status, ProjectInventory<Bucket> inventory, BucketLocator locator, BucketClaims claims, IEventRecorder events)
{
    /// <summary>Whether finalizing needs the Latitude API (and so a token): a Delete of a bucket that exists or may exist, or keys to revoke.</summary>
    public static bool NeedsProvider(ObjectBucket bucket, DesiredBucket desired) =>
        desired.DeletionPolicy == DeletionPolicies.Delete
            ? bucket.Status?.BucketId is not null || bucket.Status?.CreatePending is not null
            : HasKeysToRevoke(bucket);

    /// <summary>Retain with nothing to revoke, or nothing was ever created: the finalizer goes, the bucket (if any) stays.</summary>
    /// <param name="keysLeft">Why keys that should have been revoked could not be (no token): said in a Warning, not waited on.</param>
    public async Task<ReconcileResult> ReleaseAsync(ObjectBucket bucket, string? keysLeft, CancellationToken cancellationToken)
    {
        if (keysLeft is not null)
        {
            await events.RecordAsync(bucket, EventType.Warning, ReadyReasons.CredentialsMissing, $"The access keys issued for bucket {bucket.Status?.BucketName} were not deleted: {keysLeft}", cancellationToken);
        }

        if (bucket.Status?.BucketId is { } id)
        {
            await events.RecordAsync(bucket, EventType.Normal, EventReasons.Retained, $"Kept bucket {bucket.Status.BucketName} ({id}): deletionPolicy is Retain", cancellationToken);
        }

        await RemoveFinalizerAsync(bucket);
        return ReconcileResult.Done;
    }

    /// <param name="announce">False on a retry after a failed delete: <c>Deleting</c> was said (status and Event) by the first try, and a retry that fails the same way writes nothing.</param>
    public async Task<ReconcileResult> DeleteAsync(ReconcileContext context, bool announce, CancellationToken cancellationToken)
    {
        if (context.Desired.DeletionPolicy != DeletionPolicies.Delete)
        {
            await BucketKeys.RevokeAllButAsync(context, keep: null, cancellationToken);
            return await ReleaseAsync(context.Bucket, keysLeft: null, cancellationToken);
        }

        var recorded = context.Bucket.Status!;
        // A blocked deletion keeps its condition; a retry keeps the state its first try ended in.
        var alreadySaid = !announce || ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Deleting, "deleting")).Reason == ReadyReasons.DeletionBlocked;
        if (!alreadySaid)
        {
            context.Bucket = await status.WriteAsync(context.Bucket, ReadyState.Progressing(ReadyReasons.Deleting, "deleting the Latitude bucket"), null, cancellationToken);
        }

        var name = recorded.BucketName ?? context.Desired.BucketName;
        var id = recorded.BucketId ?? (await locator.FindCreatedAsync(context, recorded.CreatePending!.Value, cancellationToken)).Bucket?.Id;
        var holder = id is null ? null : claims.HolderOf(context.Bucket, id);
        if (holder is not null)
        {
            await events.RecordAsync(context.Bucket, EventType.Warning, ReadyReasons.BucketNameConflict, $"Kept bucket {name} ({id}): ObjectBucket {holder} holds it", cancellationToken);
        }
        else if (id is not null)
        {
            if (!alreadySaid)
            {
                await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.Deleting, $"Deleting bucket {name} ({id})", cancellationToken);
            }

            await context.Latitude.DeleteBucketAsync(id, cancellationToken);
            inventory.Invalidate(context.Resolved.Fingerprint, context.Project);
        }

        // Keys are issued only after a bucket was recorded; with neither a recorded nor a found bucket there are none.
        if (recorded.BucketId is not null || id is not null)
        {
            await BucketKeys.RevokeAllButAsync(context, keep: null, cancellationToken);
        }

        await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.Deleted, holder is null ? $"Deleted bucket {name} and its access keys" : "Deleted this object's access keys", cancellationToken);
        await RemoveFinalizerAsync(context.Bucket);
        return ReconcileResult.Done;
    }

    private static bool HasKeysToRevoke(ObjectBucket bucket) =>
        bucket.Status?.AccessKeyUsername is not null
        && bucket.Metadata.Annotations?.ValueOrDefault(ObjectBucketNames.RetainCredentialsAnnotation) != "true";

    // Cancelling this last write would leave the bucket deleted and the object stuck: it must go through.
    private Task<ObjectBucket> RemoveFinalizerAsync(ObjectBucket bucket) => Finalizers.RemoveAsync(client, bucket, ObjectBucketNames.Finalizer, CancellationToken.None);
}
