using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The one writer of team token Secrets (SPEC "Tokens change without restarts", "A team token outlives its
/// buckets"). While any ObjectBucket uses a token Secret, it carries <see cref="ObjectBucketNames.TokenSecretLabel"/>,
/// which is how the operator watches it without reading other Secrets; while one with <c>deletionPolicy: Delete</c>
/// uses it, it also carries <see cref="ObjectBucketNames.TokenInUseFinalizer"/>, so <c>kubectl delete namespace</c>
/// cannot take the token away before the buckets it must delete are gone.
/// </summary>
internal sealed class TokenSecretGuard(IKubernetesClient client, ICacheReader<ObjectBucket> buckets, ICacheReader<V1Secret> tokenSecrets)
{
    public const string TokenUserIndex = "token-secret";
    public const string DeletePolicyIndex = "delete-policy-token-secret";

    /// <summary>Indexes the ObjectBuckets by the token Secret they use (<c>namespace/secret</c>), all and those with Delete.</summary>
    public static void AddIndexes(Informer<ObjectBucket> informer)
    {
        informer.AddIndex(TokenUserIndex, obj => obj is ObjectBucket { Spec.CredentialsSecretRef: { } reference } bucket
            ? [KeyOf(bucket.Metadata.NamespaceProperty, reference.Name)]
            : []);
        informer.AddIndex(DeletePolicyIndex, obj => obj is ObjectBucket { Spec.CredentialsSecretRef: { } reference } bucket && bucket.Spec.DeletionPolicy == DeletionPolicies.Delete
            ? [KeyOf(bucket.Metadata.NamespaceProperty, reference.Name)]
            : []);
    }

    /// <summary>The ObjectBuckets to requeue when a labelled token Secret changes.</summary>
    public IEnumerable<ObjectKey> UsersOf(V1Secret secret) =>
        buckets.ByIndex(TokenUserIndex, KeyOf(secret.Metadata.NamespaceProperty, secret.Metadata.Name)).Select(b => ObjectKey.Of(b));

    /// <summary>Only a change of the token's content matters to its users (not our own label or finalizer).</summary>
    public static bool ContentChanged(V1Secret old, V1Secret updated) =>
        !SameData(old.Data, updated.Data);

    /// <summary>
    /// Puts the label and the finalizer on, or takes them off, as the ObjectBuckets using <paramref name="secret"/>
    /// need; writes only on a change. <paramref name="finalized"/>: this object has just finished its deletion.
    /// </summary>
    public async Task SyncAsync(ObjectBucket bucket, V1Secret secret, bool finalized, CancellationToken cancellationToken)
    {
        var key = KeyOf(secret.Metadata.NamespaceProperty, secret.Metadata.Name);
        bool Needed(string index) => buckets.ByIndex(index, key).Any(b => !(finalized && b.Metadata.Uid == bucket.Metadata.Uid));

        secret = await SyncLabelAsync(secret, Needed(TokenUserIndex), cancellationToken);
        var needed = Needed(DeletePolicyIndex);
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

    /// <summary>
    /// After an ObjectBucket that named this token Secret is gone (or names another one): when no ObjectBucket in the
    /// cache uses it any more, the label and the finalizer go. Needed because the last users may finish their deletion
    /// together, each still seeing the other in the cache at its own last pass; the cache no longer holds the object
    /// that is gone when this runs. Users that remain keep the Secret in step themselves.
    /// </summary>
    public async Task ReleaseIfUnusedAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        if (buckets.ByIndex(TokenUserIndex, KeyOf(@namespace, name)).Any() || tokenSecrets.Get(new ObjectKey(@namespace, name)) is not { } secret)
        {
            return;
        }

        secret = await SyncLabelAsync(secret, needed: false, cancellationToken);
        if (Finalizers.Contains(secret, ObjectBucketNames.TokenInUseFinalizer))
        {
            await Finalizers.RemoveAsync(client, secret, ObjectBucketNames.TokenInUseFinalizer, cancellationToken);
        }
    }

    private async Task<V1Secret> SyncLabelAsync(V1Secret secret, bool needed, CancellationToken cancellationToken)
    {
        var present = secret.Metadata.Labels?.ValueOrDefault(ObjectBucketNames.TokenSecretLabel) == ObjectBucketNames.TokenSecretValue;
        if (needed == present || (needed && secret.Metadata.DeletionTimestamp is not null))
        {
            return secret;
        }

        // A merge patch of one label: other labels, and anyone else's changes, are left as they are.
        var value = needed ? $"\"{ObjectBucketNames.TokenSecretValue}\"" : "null";
        var patch = Patch.Merge("{\"metadata\":{\"labels\":{\"" + ObjectBucketNames.TokenSecretLabel + "\":" + value + "}}}");
        return await client.PatchAsync<V1Secret>(secret.Metadata.Name!, secret.Metadata.NamespaceProperty, patch, cancellationToken: cancellationToken);
    }

    private static string KeyOf(string? @namespace, string? name) => $"{@namespace}/{name}";

    private static bool SameData(IDictionary<string, byte[]>? a, IDictionary<string, byte[]>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0)
        && (a is null || a.All(pair => b!.TryGetValue(pair.Key, out var other) && pair.Value.AsSpan().SequenceEqual(other)));
}
