using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models.Core;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// A team token outlives its buckets (SPEC "Tenancy and fairness"): while an ObjectBucket with <c>deletionPolicy:
/// Delete</c> uses a token Secret, that Secret carries <see cref="ObjectBucketNames.TokenInUseFinalizer"/>, so
/// <c>kubectl delete namespace</c> cannot take the token away before the buckets it must delete are gone.
/// </summary>
internal sealed class TokenSecretGuard(IKubernetesClient client, ICacheReader<ObjectBucket> buckets)
{
    public const string TokenSecretIndex = "delete-policy-token-secret";

    /// <summary>Indexes the ObjectBuckets that need their token to delete their bucket, by <c>namespace/secret</c>.</summary>
    public static void AddIndexes(Informer<ObjectBucket> informer) =>
        informer.AddIndex(TokenSecretIndex, obj => obj is ObjectBucket { Spec.CredentialsSecretRef: { } reference } bucket && bucket.Spec.DeletionPolicy == DeletionPolicies.Delete
            ? [$"{bucket.Metadata.Namespace}/{reference.Name}"]
            : []);

    /// <summary>
    /// Puts the finalizer on, or takes it off, as the ObjectBuckets using <paramref name="secret"/> need; writes only
    /// on a change. <paramref name="finalized"/>: this object has just finished its deletion and needs it no more.
    /// </summary>
    public async Task SyncAsync(ObjectBucket bucket, Secret secret, bool finalized, CancellationToken cancellationToken)
    {
        var needed = buckets.ByIndex(TokenSecretIndex, $"{secret.Metadata.Namespace}/{secret.Metadata.Name}")
            .Any(b => !(finalized && b.Metadata.Uid == bucket.Metadata.Uid));
        var present = Finalizers.Contains(secret, ObjectBucketNames.TokenInUseFinalizer);
        if (needed && !present && secret.Metadata.DeletionTimestamp is null)
        {
            await Finalizers.AddAsync(client, secret, ObjectBucketNames.TokenInUseFinalizer, cancellationToken);
        }
        else if (!needed && present)
        {
            // Must go through once decided, or a namespace waits on a finalizer no one will remove.
            await Finalizers.RemoveAsync(client, secret, ObjectBucketNames.TokenInUseFinalizer, CancellationToken.None);
        }
    }
}
