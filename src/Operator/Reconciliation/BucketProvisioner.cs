using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Creates the Latitude bucket, or adopts it, crash-safely (docs/design/create.md): the intent is recorded in
/// status before the POST; a pending intent, or a 409 while one is pending, means "look for the bucket this object
/// created" (<see cref="BucketLocator"/> decides on the evidence); credentials from the answer reach the Secret
/// before status.
/// </summary>
internal sealed class BucketProvisioner(IKubernetesClient client, StatusUpdater status, CredentialManager credentials, ProjectInventory<Bucket> inventory, BucketLocator locator, IEventRecorder events, TimeProvider time)
{
    /// <returns>Null once a bucket is recorded in status; otherwise the state that stops this pass (nothing was taken).</returns>
    public async Task<ReadyState?> ProvisionAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var pending = context.Bucket.Status?.CreatePending;
        var adopt = context.Bucket.Metadata.Annotations?.ValueOrDefault(ObjectBucketNames.AdoptAnnotation) == "true";
        var lookup = pending is { } intent ? await locator.FindCreatedAsync(context, intent, cancellationToken)
            : adopt ? await locator.FindAdoptableAsync(context, cancellationToken)
            : locator.Claimed(context) ?? BucketLookup.NotFound;
        if (await SettleAsync(context, lookup, pending, adopt, cancellationToken) is { } settled)
        {
            return settled.Refusal;
        }

        return await CreateAsync(context, pending, cancellationToken);
    }

    /// <summary>Records a bucket found, or ends a refused intent; null when nothing was found and a create should follow.</summary>
    private async Task<BucketLookup?> SettleAsync(ReconcileContext context, BucketLookup lookup, DateTimeOffset? pending, bool adopt, CancellationToken cancellationToken)
    {
        if (lookup.Bucket is { } found)
        {
            await RecordAsync(context, found, adopt && pending is null ? EventReasons.Adopted : EventReasons.Created, cancellationToken);
            return lookup;
        }

        if (lookup.Refusal is { } refusal && pending is not null)
        {
            // An intent never outlives a certain answer: a later bucket of this name must not look like ours.
            await ClearIntentAsync(context, refusal, cancellationToken);
        }

        return lookup.Refusal is null ? null : lookup;
    }

    private async Task<ReadyState?> CreateAsync(ReconcileContext context, DateTimeOffset? pending, CancellationToken cancellationToken)
    {
        var retryingFailure = ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, "creating")).IsTerminal;
        context.Bucket = await status.WriteAsync(
            context.Bucket,
            ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, $"creating bucket {context.Desired.BucketName} in {context.Desired.Region}")),
            s => s with { CreatePending = pending ?? time.GetUtcNow() },
            cancellationToken);
        if (pending is null && !retryingFailure)
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
            inventory.Invalidate(context.Resolved.Fingerprint, context.Project);
            var lookup = await locator.FindCreatedAsync(context, pending.Value, cancellationToken);
            var settled = await SettleAsync(context, lookup.Bucket is null && lookup.Refusal is null ? BucketLookup.Refused(ProviderErrors.ToReadyState(e)) : lookup, pending, adopt: false, cancellationToken);
            return settled!.Refusal;
        }
        catch (LatitudeApiException e) when (!e.OutcomeUnknown)
        {
            // Refused for sure: this POST created nothing, so a later 409 must not be mistaken for our own bucket. But a
            // retry after an unknown outcome refused for a passing reason (429) says nothing of the earlier POST, which
            // may still commit: that intent stays. A terminal refusal would have refused the earlier, identical POST too.
            var failure = ProviderErrors.ToReadyState(e);
            if (pending is null || failure.IsTerminal)
            {
                await ClearIntentAsync(context, failure, cancellationToken);
            }

            throw;
        }
        catch (LatitudeApiException)
        {
            // The bucket may exist now: the next pass's list must be a fresh one, or it would POST again.
            inventory.Invalidate(context.Resolved.Fingerprint, context.Project);
            throw;
        }

        inventory.Invalidate(context.Resolved.Fingerprint, context.Project);
        if (created.Credentials is { } keys)
        {
            // The seed API shape shows the secret once, here: it goes to the Secret before anything else can fail.
            await credentials.WriteSecretAsync(context, Details(created, context.Desired), keys.AccessKeyId, keys.SecretAccessKey, cancellationToken);
        }

        await RecordAsync(context, created, EventReasons.Created, cancellationToken);
        return null;
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
                context.Bucket = await client.GetAsync<ObjectBucket>(context.Bucket.Metadata.Name!, context.Bucket.Metadata.NamespaceProperty, cancellationToken)
                    ?? throw new InvalidOperationException($"ObjectBucket {context.Bucket.Metadata.NamespaceProperty}/{context.Bucket.Metadata.Name} vanished while its create intent was being cleared", e);
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

    /// <summary>
    /// The bucket is this object's from now on. What an answer to our own create says is what we asked for; an adopted
    /// bucket is reported as it is (versioning is then turned on through S3 if the spec asks for it).
    /// </summary>
    private async Task RecordAsync(ReconcileContext context, Bucket bucket, string reason, CancellationToken cancellationToken)
    {
        var desired = context.Desired;
        var adopted = reason == EventReasons.Adopted;
        var locked = adopted ? bucket.Locking : desired.ObjectLock;
        context.Bucket = await status.WriteAsync(
            context.Bucket,
            ReadyState.Progressing(ReadyReasons.Provisioning, $"bucket {bucket.BucketName} exists; issuing credentials"),
            s => s with
            {
                BucketId = bucket.Id,
                BucketName = bucket.BucketName,
                RequestedBucketName = desired.BucketName,
                Project = desired.Project,
                Endpoint = bucket.Endpoint,
                Region = bucket.Region ?? desired.Region,
                StorageClass = bucket.StorageClass,
                Versioning = bucket.Versioning || (!adopted && desired.Versioning),
                ObjectLock = new ObjectLockStatus
                {
                    Enabled = locked,
                    Mode = !locked ? null : adopted ? bucket.RetentionMode : desired.ObjectLockMode,
                    RetentionDays = !locked ? null : adopted ? (int?)bucket.RetentionPeriodDays : desired.RetentionDays,
                },
                SecretName = desired.SecretName,
                CreatedAt = bucket.CreatedAt,
                AccessKeyId = bucket.Credentials?.AccessKeyId ?? s.AccessKeyId,
                CreatePending = null,
            },
            cancellationToken);
        await events.RecordAsync(context.Bucket, EventType.Normal, reason, $"{(adopted ? "Adopted" : "Created")} bucket {bucket.BucketName} ({bucket.Id})", cancellationToken);
    }
}
