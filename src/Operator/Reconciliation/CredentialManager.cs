using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Keeps the connection Secret whole and its credentials working (SPEC "Credentials lifecycle"). Secrets are shown
/// once by the API, so a new key goes to the Secret the moment it arrives; a key is replaced (Secret lost, credentials
/// broken, key revoked out of band, Secret renamed) by issuing the new one and writing it first, and only then
/// deleting the old one: the Secret never holds a deleted key while a working one exists.
/// </summary>
internal sealed class CredentialManager(IKubernetesClient client, StatusUpdater status, IEventRecorder events, ProjectInventory<AccessKey> keyInventory)
{
    /// <summary>Makes sure the Secret named by the spec exists, is intact and holds credentials that work.</summary>
    public async Task EnsureAsync(ReconcileContext context, ConnectionDetails details, CancellationToken cancellationToken)
    {
        var previousSecret = context.Bucket.Status?.SecretName is { } recorded && recorded != context.Desired.SecretName ? recorded : null;
        var verdict = previousSecret is null ? await AssessAsync(context, details, cancellationToken) : SecretVerdict.Replace;
        if (verdict == SecretVerdict.Keep)
        {
            return;
        }

        var reason = verdict == SecretVerdict.Reissue ? EventReasons.CredentialsReissued
            : previousSecret is null && context.Bucket.Status?.AccessKeyId is not null ? EventReasons.SecretRestored
            : EventReasons.CredentialsIssued;
        await ReplaceKeyAsync(context, details, reason, cancellationToken);
        if (previousSecret is not null)
        {
            await DeleteOwnedSecretAsync(context, previousSecret, cancellationToken);
        }
    }

    /// <summary>Creates or replaces the Secret with these credentials (and our labels, owner and annotation only).</summary>
    public async Task WriteSecretAsync(ReconcileContext context, ConnectionDetails details, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken)
    {
        var desired = ConnectionSecret.Build(context.Bucket, context.Desired.SecretName, details, accessKeyId, secretAccessKey);
        if (context.Secret is { } existing)
        {
            // The resourceVersion makes a write from a stale view fail (409) rather than overwrite newer credentials.
            desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            context.Secret = await client.ReplaceAsync(desired, cancellationToken);
        }
        else
        {
            context.Secret = await client.CreateAsync(desired, cancellationToken);
        }

        context.SecretWritten = true;
    }

    /// <summary>
    /// Whether the Secret's credentials can stay (repairing the Secret's other keys if they were edited). A Secret that
    /// looks lost or wrong in the cache is read again from the API server first: the cache may not show our last write
    /// yet, and replacing a key on a stale view would delete the key the previous pass just wrote.
    /// </summary>
    private async Task<SecretVerdict> AssessAsync(ReconcileContext context, ConnectionDetails details, CancellationToken cancellationToken)
    {
        var verdict = await AssessViewAsync(context, details, cancellationToken);
        if (verdict != SecretVerdict.Replace || context.SecretReadLive)
        {
            return verdict;
        }

        context.Secret = await client.GetAsync<V1Secret>(context.Desired.SecretName, context.Bucket.Metadata.NamespaceProperty, cancellationToken);
        context.SecretReadLive = true;
        return await AssessViewAsync(context, details, cancellationToken);
    }

    private async Task<SecretVerdict> AssessViewAsync(ReconcileContext context, ConnectionDetails details, CancellationToken cancellationToken)
    {
        if (ConnectionSecret.Credentials(context.Secret) is not var (id, key))
        {
            return SecretVerdict.Replace;
        }

        if (context.Secret!.Metadata.Annotations?.ValueOrDefault(ConnectionSecret.CredentialsHashAnnotation) == ConnectionSecret.Hash(id, key) && id == context.Bucket.Status?.AccessKeyId)
        {
            if (!ConnectionSecret.IsIntact(context.Secret, context.Bucket, details))
            {
                // Edited keys other than the credentials: rewritten from status, credentials kept.
                await WriteSecretAsync(context, details, id, key, cancellationToken);
            }

            return await IsRevokedAsync(context, details, id, key, cancellationToken) ? SecretVerdict.Reissue : SecretVerdict.Keep;
        }

        // Credentials that are not the ones we wrote: keep them only if they work, and never those of another bucket
        // (the one deleted outside Kubernetes and created again, say: SPEC wants new credentials then).
        if (ConnectionSecret.IsForAnotherBucket(context.Secret, details) || await S3Access.VerifyAsync(details, id, key, cancellationToken) is not null)
        {
            return SecretVerdict.Replace;
        }

        await WriteSecretAsync(context, details, id, key, cancellationToken);
        context.Bucket = await status.WriteAsync(context.Bucket, CurrentReady(context), s => s with { AccessKeyId = id }, cancellationToken);
        return SecretVerdict.Keep;
    }

    /// <summary>
    /// A key we issued that the project's key list (one shared list per resync) no longer shows, and that S3 refuses:
    /// revoked out of band. The list alone is not enough: keys issued after it was read are missing from it, and a live
    /// high_performance key can be missing too (object-storage.md §5.2). The same list shows keys of this object
    /// that a replacement could not revoke (a failed DELETE, a crash): they are revoked now.
    /// </summary>
    private async Task<bool> IsRevokedAsync(ReconcileContext context, ConnectionDetails details, string id, string key, CancellationToken cancellationToken)
    {
        if (context.Bucket.Status?.AccessKeyUsername is null)
        {
            return false;
        }

        // Before the object is first shown Available the list is read afresh: the shared one may predate a key whose
        // create was answered too late (a stray to revoke now, not a resync later).
        var ready = Conditions.Find(context.Bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition);
        var listed = ready is { Status: "True" } && ready.ObservedGeneration == context.Bucket.Metadata.Generation
            ? await keyInventory.ListAsync(context.Latitude, context.Resolved.Fingerprint, context.Project, cancellationToken)
            : await context.Latitude.ListAccessKeysAsync(context.Project, cancellationToken);
        await RevokeStraysAsync(context, listed.Where(k => BucketKeys.IsOurs(context, k) && k.AccessKeyId != id).ToList(), id, cancellationToken);
        return !listed.Any(k => k.AccessKeyId == id) && await S3Access.VerifyAsync(details, id, key, cancellationToken) is not null;
    }

    /// <summary>Only when the live Secret holds <paramref name="current"/>: a stale cached view must never make the key in use look like a stray.</summary>
    private async Task RevokeStraysAsync(ReconcileContext context, List<AccessKey> strays, string current, CancellationToken cancellationToken)
    {
        if (strays.Count == 0)
        {
            return;
        }

        var live = await client.GetAsync<V1Secret>(context.Desired.SecretName, context.Bucket.Metadata.NamespaceProperty, cancellationToken);
        if (ConnectionSecret.Credentials(live) is var (liveId, _) && liveId == current)
        {
            await BucketKeys.RevokeAsync(context, strays, cancellationToken);
            keyInventory.Invalidate(context.Resolved.Fingerprint, context.Project);
        }
    }

    private async Task ReplaceKeyAsync(ReconcileContext context, ConnectionDetails details, string reason, CancellationToken cancellationToken)
    {
        var created = await BucketKeys.IssueAsync(context, details, cancellationToken);
        try
        {
            await WriteSecretAsync(context, details, created.Credentials.AccessKeyId, created.Credentials.SecretAccessKey, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            // The new key reached no Secret, so it goes; the next pass looks again, paced.
            await BucketKeys.RevokeAsync(context, [created.Key], CancellationToken.None);
            throw new SecretNotWrittenException(context.Desired.SecretName, e);
        }

        context.Bucket = await status.WriteAsync(
            context.Bucket,
            CurrentReady(context),
            s => s with { AccessKeyId = created.Credentials.AccessKeyId, AccessKeyUsername = created.Key.Username, SecretName = context.Desired.SecretName },
            cancellationToken);
        await events.RecordAsync(
            context.Bucket,
            EventType.Normal,
            reason,
            $"Issued access key {created.Credentials.AccessKeyId} for bucket {details.BucketName} into Secret {context.Desired.SecretName}",
            cancellationToken);
        keyInventory.Invalidate(context.Resolved.Fingerprint, context.Project);
        await BucketKeys.RevokeAllButAsync(context, created.Credentials.AccessKeyId, cancellationToken);
    }

    /// <summary>After <c>spec.secretName</c> changed: the old Secret goes, if it is ours (its key went with the replacement).</summary>
    private async Task DeleteOwnedSecretAsync(ReconcileContext context, string name, CancellationToken cancellationToken)
    {
        var old = await client.GetAsync<V1Secret>(name, context.Bucket.Metadata.NamespaceProperty, cancellationToken);
        if (old is not null && Ownership.IsControlledBy(old, context.Bucket))
        {
            await client.DeleteAsync<V1Secret>(name, context.Bucket.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Credentials changes do not move Ready by themselves: keep what is there (or Provisioning before the first Ready).</summary>
    private static ReadyState CurrentReady(ReconcileContext context) =>
        ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, "issuing credentials"));

    private enum SecretVerdict
    {
        Keep,
        Replace,
        Reissue,
    }
}
