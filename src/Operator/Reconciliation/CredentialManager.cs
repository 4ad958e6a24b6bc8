using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Keeps the connection Secret whole and its credentials working. Secrets are shown once by the API, so a new
/// key goes to the Secret the moment it arrives; lost or broken credentials are replaced by a new
/// bucket-scoped key (named after the object's UID), after the object's older keys are deleted.
/// </summary>
internal sealed class CredentialManager(IKubernetesClient client, StatusUpdater status, IEventRecorder events)
{
    /// <summary>Makes sure the Secret exists, is intact and holds credentials; returns whether they must still be proven over S3.</summary>
    public async Task EnsureAsync(ReconcileContext context, ConnectionDetails details, CancellationToken cancellationToken)
    {
        var recorded = context.Bucket.Status?.AccessKeyId;
        if (ConnectionSecret.Credentials(context.Secret) is var (id, key))
        {
            if (context.Secret!.Metadata.Annotations?.ValueOrDefault(ConnectionSecret.CredentialsHashAnnotation) == ConnectionSecret.Hash(id, key) && id == recorded)
            {
                if (!ConnectionSecret.IsIntact(context.Secret, context.Bucket, details))
                {
                    // Edited keys other than the credentials: rewritten from status, credentials kept.
                    await WriteSecretAsync(context, details, id, key, cancellationToken);
                }

                return;
            }

            // Credentials that are not the ones we wrote: keep them only if they work.
            if (await S3Access.VerifyAsync(details, id, key, cancellationToken) is null)
            {
                await WriteSecretAsync(context, details, id, key, cancellationToken);
                context.Bucket = await status.WriteAsync(context.Bucket, CurrentReady(context), s => s with { AccessKeyId = id }, cancellationToken);
                return;
            }
        }

        await IssueAsync(context, details, restored: recorded is not null, cancellationToken);
    }

    /// <summary>Creates or replaces the Secret with these credentials (and our labels, owner and annotation only).</summary>
    public async Task WriteSecretAsync(ReconcileContext context, ConnectionDetails details, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken)
    {
        var desired = ConnectionSecret.Build(context.Bucket, context.Desired.SecretName, details, accessKeyId, secretAccessKey);
        if (context.Secret is { } existing)
        {
            desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            context.Secret = await client.ReplaceAsync(desired, cancellationToken);
        }
        else
        {
            context.Secret = await client.CreateAsync(desired, cancellationToken);
        }

        context.SecretWritten = true;
    }

    /// <summary>Deletes every key issued for this object except <paramref name="keep"/>.</summary>
    public static async Task DeleteKeysAsync(ReconcileContext context, string? keep, CancellationToken cancellationToken)
    {
        var keys = await context.Latitude.ListAccessKeysAsync(context.Project, cancellationToken);
        foreach (var old in keys.Where(k => k.Name == context.AccessKeyName && k.AccessKeyId != keep))
        {
            await context.Latitude.DeleteAccessKeyAsync(old.Username, old.StorageClass, context.Project, old.Region, cancellationToken);
        }
    }

    private async Task IssueAsync(ReconcileContext context, ConnectionDetails details, bool restored, CancellationToken cancellationToken)
    {
        var bucket = new Bucket
        {
            Id = details.BucketId,
            Name = context.Desired.BucketName,
            BucketName = details.BucketName,
            StorageClass = context.Bucket.Status?.StorageClass ?? context.Desired.StorageClass,
        };
        // The old keys' secrets are lost or broken, so they are useless; deleting them first also frees the
        // deterministic name on APIs that refuse duplicates. A crash in between only means the next pass creates.
        await DeleteKeysAsync(context, keep: null, cancellationToken);
        var created = await context.Latitude.CreateAccessKeyAsync(
            CreateAccessKeyRequest.ForBucket(context.Project, bucket, context.AccessKeyName, details.Site), cancellationToken);
        await WriteSecretAsync(context, details, created.Credentials.AccessKeyId, created.Credentials.SecretAccessKey, cancellationToken);
        context.Bucket = await status.WriteAsync(
            context.Bucket,
            CurrentReady(context),
            s => s with { AccessKeyId = created.Credentials.AccessKeyId, AccessKeyUsername = created.Key.Username },
            cancellationToken);
        await events.RecordAsync(
            context.Bucket,
            EventType.Normal,
            restored ? EventReasons.SecretRestored : EventReasons.CredentialsIssued,
            $"Issued access key {created.Credentials.AccessKeyId} for bucket {details.BucketName} into Secret {context.Desired.SecretName}",
            cancellationToken);
    }

    /// <summary>Credentials changes do not move Ready by themselves: keep what is there (or Provisioning before the first Ready).</summary>
    private static ReadyState CurrentReady(ReconcileContext context) =>
        ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, "issuing credentials"));
}
