using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Creates the Latitude bucket, or adopts it, crash-safely (docs/design/create.md): the intent is recorded in
/// status before the POST; a pending intent, or a 409 while one is pending, means "list and adopt the bucket of
/// this name"; credentials from the answer reach the Secret before status.
/// </summary>
internal sealed class BucketProvisioner(IKubernetesClient client, StatusUpdater status, CredentialManager credentials, BucketInventory inventory, IEventRecorder events, TimeProvider time)
{
    /// <summary>A bucket created up to this long before our recorded intent still counts as ours (clock skew between us and Latitude).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task ProvisionAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var pending = context.Bucket.Status?.CreatePending;
        var adopt = context.Bucket.Metadata.Annotations?.ValueOrDefault(ObjectBucketNames.AdoptAnnotation) == "true";
        if (pending is not null || adopt)
        {
            if (await FindAsync(context, pending, adopt, cancellationToken) is { } existing)
            {
                await RecordAsync(context, existing, adopt ? EventReasons.Adopted : EventReasons.Created, cancellationToken);
                return;
            }
        }

        context.Bucket = await status.WriteAsync(
            context.Bucket,
            ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, $"creating bucket {context.Desired.BucketName} in {context.Desired.Region}")),
            s => s with { CreatePending = pending ?? time.GetUtcNow() },
            cancellationToken);
        if (pending is null)
        {
            await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.Creating, $"Creating bucket {context.Desired.BucketName} in project {context.Project}, region {context.Desired.Region}", cancellationToken);
        }

        Bucket created;
        try
        {
            created = await context.Latitude.CreateBucketAsync(Request(context.Desired), cancellationToken);
        }
        catch (LatitudeApiException e) when (e.Kind == LatitudeErrorKind.Conflict && pending is not null)
        {
            // Our earlier POST may have committed after the list above looked: the 409 is then our own bucket.
            inventory.Invalidate(context.Token, context.Project);
            if (await FindAsync(context, pending, adopt, cancellationToken) is not { } mine)
            {
                throw;
            }


            await RecordAsync(context, mine, adopt ? EventReasons.Adopted : EventReasons.Created, cancellationToken);
            return;
        }
        catch (LatitudeApiException e) when (!e.OutcomeUnknown)
        {
            // Refused for sure: nothing was created, so a later 409 must not be mistaken for our own bucket.
            await ClearIntentAsync(context, ProviderErrors.ToReadyState(e), cancellationToken);
            throw;
        }
        catch (LatitudeApiException)
        {
            // The bucket may exist now: the next pass's list must be a fresh one, or it would POST again.
            inventory.Invalidate(context.Token, context.Project);
            throw;
        }

        inventory.Invalidate(context.Token, context.Project);
        if (created.Credentials is { } keys)
        {
            // The seed API shape shows the secret once, here: it goes to the Secret before anything else can fail.
            await credentials.WriteSecretAsync(context, Details(created, context.Desired), keys.AccessKeyId, keys.SecretAccessKey, cancellationToken);
        }

        await RecordAsync(context, created, EventReasons.Created, cancellationToken);
    }

    /// <summary>
    /// A pending intent left behind after a certain refusal would make a stranger's bucket look like ours, so the
    /// clearing write must not be lost to a concurrent change of the object (a label, an annotation): on a 409 it
    /// reads the object again and retries.
    /// </summary>
    private async Task ClearIntentAsync(ReconcileContext context, ReadyState failure, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                context.Bucket = await status.WriteAsync(context.Bucket, failure, s => s with { CreatePending = null }, cancellationToken);
                return;
            }
            catch (KubernetesApiException e) when (e.IsConflict && attempt < 5)
            {
                context.Bucket = await client.GetAsync<ObjectBucket>(context.Bucket.Metadata.Name!, context.Bucket.Metadata.Namespace, cancellationToken)
                    ?? throw new InvalidOperationException($"ObjectBucket {context.Bucket.Metadata.Namespace}/{context.Bucket.Metadata.Name} vanished while its create intent was being cleared", e);
            }
        }
    }

    private static CreateBucketRequest Request(DesiredBucket desired) => new()
    {
        Project = desired.Project!,
        Name = desired.BucketName,
        Region = desired.Region,
        StorageClass = desired.StorageClass,
        Versioning = desired.Versioning,
        Locking = desired.ObjectLock ? true : null,
        RetentionMode = desired.ObjectLock && desired.ObjectLockMode != ObjectLockModes.None ? desired.ObjectLockMode : null,
        RetentionPeriod = desired.ObjectLock ? desired.RetentionDays : null,
        Scoped = desired.Scoped ? true : null,
        Customer = desired.Scoped ? desired.Customer : null,
    };

    private static Storage.ConnectionDetails Details(Bucket bucket, DesiredBucket desired) =>
        new(bucket.Id, bucket.BucketName, new Uri(bucket.Endpoint ?? throw new InvalidDataException($"bucket {bucket.Id} has no endpoint")), bucket.Region ?? desired.Region);

    /// <summary>The project's bucket of the desired name, if it may be taken as ours.</summary>
    private async Task<Bucket?> FindAsync(ReconcileContext context, DateTimeOffset? pending, bool adopt, CancellationToken cancellationToken)
    {
        var buckets = await inventory.ListAsync(context.Latitude, context.Token, context.Project, cancellationToken);
        var named = buckets.FirstOrDefault(b => b.IsNamed(context.Desired.BucketName));
        return named is not null && (adopt || named.CreatedAt is null || named.CreatedAt >= pending - ClockSkew) ? named : null;
    }

    private async Task RecordAsync(ReconcileContext context, Bucket bucket, string reason, CancellationToken cancellationToken)
    {
        var desired = context.Desired;
        context.Bucket = await status.WriteAsync(
            context.Bucket,
            ReadyState.Progressing(ReadyReasons.Provisioning, $"bucket {bucket.BucketName} exists; issuing credentials"),
            s => s with
            {
                BucketId = bucket.Id,
                BucketName = bucket.BucketName,
                Project = desired.Project,
                Endpoint = bucket.Endpoint,
                Region = bucket.Region ?? desired.Region,
                StorageClass = bucket.StorageClass,
                Versioning = bucket.Versioning || desired.Versioning,
                ObjectLock = new ObjectLockStatus { Enabled = desired.ObjectLock, Mode = desired.ObjectLock ? desired.ObjectLockMode : null, RetentionDays = desired.ObjectLock ? desired.RetentionDays : null },
                SecretName = desired.SecretName,
                CreatedAt = bucket.CreatedAt,
                AccessKeyId = bucket.Credentials?.AccessKeyId ?? s.AccessKeyId,
                CreatePending = null,
            },
            cancellationToken);
        await events.RecordAsync(context.Bucket, EventType.Normal, reason, $"{(reason == EventReasons.Adopted ? "Adopted" : "Created")} bucket {bucket.BucketName} ({bucket.Id})", cancellationToken);
    }
}
