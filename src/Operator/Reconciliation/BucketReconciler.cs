using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.RateLimiting;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Level-based reconcile of one ObjectBucket: validate (no API call on a bad or immutable change), finalizer,
/// token, Secret ownership, then bucket (crash-safe create or adoption), drift, credentials, versioning, lifecycle rules, and an
/// S3 proof before <c>Ready=True</c>. Every step first looks at what is already there, so a reconcile of an
/// unchanged, healthy object writes nothing.
/// </summary>
internal sealed class BucketReconciler(
    ICacheReader<ObjectBucket> buckets,
    ICacheReader<V1Secret> secrets,
    IKubernetesClient client,
    LatitudeClientFactory latitude,
    TokenResolver tokens,
    TokenSecretGuard tokenGuard,
    BucketProvisioner provisioner,
    CredentialManager credentials,
    LifecycleRules lifecycleRules,
    BucketFinalizer finalizer,
    ProjectInventory<Bucket> inventory,
    RetryPacer pacer,
    StatusUpdater status,
    IEventRecorder events,
    ReconcilerOptions options) : IReconciler<ObjectBucket>
{
    /// <summary>How often an object failing for its token looks whether the token changed (SPEC: retried within a minute).</summary>
    private static readonly TimeSpan TokenRecheck = TimeSpan.FromSeconds(30);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (buckets.Get(key) is not { } bucket)
        {
            return ReconcileResult.Done;
        }

        var desired = DesiredBucket.From(bucket, options.DefaultProject);
        if (bucket.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(bucket, desired, cancellationToken);
        }

        if (Check(desired, bucket) is { } invalid)
        {
            // Terminal until the spec changes, which enqueues the object again: no timer needed.
            await status.WriteAsync(bucket, invalid, null, cancellationToken);
            return ReconcileResult.Done;
        }

        var token = await tokens.ResolveAsync(bucket, cancellationToken);
        if (token.Source is { } tokenSecret)
        {
            // Even while its token is malformed: labelled, the Secret is watched, so a fix is seen at once.
            await tokenGuard.SyncAsync(bucket, tokenSecret, finalized: false, cancellationToken);
        }

        if (token.Token is null)
        {
            return await FailAsync(bucket, token, ReadyState.Failed(ReadyReasons.CredentialsMissing, token.Problem!), cancellationToken);
        }

        if (pacer.Wait(bucket, token.Fingerprint) is { } wait)
        {
            return Later(wait, Conditions.Find(bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition)?.Reason);
        }

        var context = new ReconcileContext(bucket, desired, token, latitude.ForToken(token.Token));
        return await GuardAsync(context, () => ProvideAsync(context, cancellationToken), cancellationToken);
    }

    private async Task<ReconcileResult> FinalizeAsync(ObjectBucket bucket, DesiredBucket desired, CancellationToken cancellationToken)
    {
        if (!Finalizers.Contains(bucket, ObjectBucketNames.Finalizer))
        {
            return ReconcileResult.Done;
        }

        var token = BucketFinalizer.NeedsProvider(bucket, desired) || bucket.Spec.CredentialsSecretRef is not null ? await tokens.ResolveAsync(bucket, cancellationToken) : null;
        // A failing delete is paced as a failing create is (5 s doubling to 5 min); the deletion's first pass acts at once.
        if (token?.Token is not null && pacer.Wait(bucket, token.Fingerprint) is { } wait)
        {
            return Later(wait, Conditions.Find(bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition)?.Reason);
        }

        var result = await FinalizeWithAsync(bucket, desired, token, cancellationToken);
        if (result == ReconcileResult.Done)
        {
            pacer.Reset(bucket.Metadata.Uid);
        }

        if (result == ReconcileResult.Done && token?.Source is { } tokenSecret)
        {
            // This object no longer needs its team token: the token-in-use finalizer may go, so a namespace can finish.
            await tokenGuard.SyncAsync(bucket, tokenSecret, finalized: true, cancellationToken);
        }

        return result;
    }

    private async Task<ReconcileResult> FinalizeWithAsync(ObjectBucket bucket, DesiredBucket desired, ResolvedToken? token, CancellationToken cancellationToken)
    {
        if (!BucketFinalizer.NeedsProvider(bucket, desired))
        {
            return await finalizer.ReleaseAsync(bucket, keysLeft: null, cancellationToken);
        }

        // Resolved by the caller whenever the provider is needed.
        var resolved = token!;
        if (resolved.Token is null)
        {
            // Retain keeps the bucket either way: a lost token must not hold the object (or its namespace) forever.
            return desired.DeletionPolicy == DeletionPolicies.Delete
                ? await FailAsync(bucket, resolved, ReadyState.Failed(ReadyReasons.CredentialsMissing, resolved.Problem!), cancellationToken)
                : await finalizer.ReleaseAsync(bucket, resolved.Problem, cancellationToken);
        }

        var context = new ReconcileContext(bucket, desired, resolved, latitude.ForToken(resolved.Token));
        var retry = pacer.IsRetry(bucket, resolved.Fingerprint);
        return await GuardAsync(context, () => finalizer.DeleteAsync(context, announce: !retry, cancellationToken), cancellationToken);
    }

    /// <summary>Runs a step against Latitude: its failures become Ready states; an exhausted token budget a plain requeue (nothing was sent).</summary>
    private async Task<ReconcileResult> GuardAsync(ReconcileContext context, Func<Task<ReconcileResult>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (LatitudeApiException e)
        {
            return await FailAsync(context.Bucket, context.Resolved, ProviderErrors.ToReadyState(e), cancellationToken, e.RetryAfter);
        }
        catch (SecretNotWrittenException e)
        {
            return await FailAsync(context.Bucket, context.Resolved, ReadyState.Progressing(ReadyReasons.Provisioning, e.Message), cancellationToken);
        }
        catch (RateBudgetExhaustedException e)
        {
            // Waiting here would hold a worker that objects of other tokens need (SPEC "Quota is shared fairly").
            return ReconcileResult.RequeueAfter(e.RetryAfter);
        }
    }

    private static ReadyState? Check(DesiredBucket desired, ObjectBucket bucket)
    {
        var invalid = SpecValidator.Validate(desired, bucket);
        if (invalid.Count > 0)
        {
            return ReadyState.Failed(ReadyReasons.InvalidSpec, string.Join("; ", invalid));
        }

        var changed = ImmutableFields.Changes(desired, bucket.Status);
        return changed.Count > 0 ? ReadyState.Failed(ReadyReasons.ImmutableFieldChanged, string.Join("; ", changed)) : null;
    }

    private async Task<ReconcileResult> ProvideAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        if (!Finalizers.Contains(context.Bucket, ObjectBucketNames.Finalizer))
        {
            context.Bucket = await Finalizers.AddAsync(client, context.Bucket, ObjectBucketNames.Finalizer, cancellationToken);
        }

        context.Secret = await ReadSecretAsync(context, cancellationToken);
        if (context.Secret is { } existing && !Ownership.IsControlledBy(existing, context.Bucket))
        {
            // Decided before any bucket exists: keys the API shows once would have nowhere to go.
            return await FailAsync(context.Bucket, context.Resolved, ReadyState.Failed(ReadyReasons.SecretConflict,
                $"Secret {context.Desired.SecretName} exists and is not owned by this ObjectBucket; it is never overwritten (pick another spec.secretName or delete it)"), cancellationToken);
        }

        if (context.Bucket.Status?.BucketId is null)
        {
            if (await provisioner.ProvisionAsync(context, cancellationToken) is { } notCreated)
            {
                return await FailAsync(context.Bucket, context.Resolved, notCreated, cancellationToken);
            }
        }
        else if (await IsMissingAsync(context, cancellationToken))
        {
            return ReconcileResult.RequeueAfter(TimeSpan.Zero);
        }

        var endpoint = Uri.TryCreate(context.Bucket.Status!.Endpoint, UriKind.Absolute, out var known) ? known : await ReadEndpointAsync(context, cancellationToken);
        var recorded = context.Bucket.Status!;
        if (endpoint is null)
        {
            return await FailAsync(context.Bucket, context.Resolved, ReadyState.Progressing(ReadyReasons.ProviderError, $"Latitude gave no usable S3 endpoint for bucket {recorded.BucketName} ({recorded.BucketId}); asking again"), cancellationToken);
        }

        var details = new ConnectionDetails(recorded.BucketId!, recorded.BucketName!, endpoint, recorded.Region!);
        await credentials.EnsureAsync(context, details, cancellationToken);
        var (id, key) = ConnectionSecret.Credentials(context.Secret)!.Value;
        if (context.Desired.Versioning && recorded.Versioning != true && await EnableVersioningAsync(context, details, id, key, cancellationToken) is { } refused)
        {
            return await FailAsync(context.Bucket, context.Resolved, refused, cancellationToken);
        }

        if (await lifecycleRules.ApplyAsync(context, cancellationToken) is { } notApplied)
        {
            return await FailAsync(context.Bucket, context.Resolved, notApplied, cancellationToken);
        }

        var ready = Conditions.Find(context.Bucket.Status?.Conditions, ObjectBucketNames.ReadyCondition);
        var proven = ready is { Status: "True" } && ready.ObservedGeneration == context.Bucket.Metadata.Generation && !context.SecretWritten;
        if (!proven && await S3Access.VerifyAsync(details, id, key, cancellationToken) is { } failure)
        {
            return await FailAsync(context.Bucket, context.Resolved, ReadyState.Progressing(ReadyReasons.ProviderError, failure), cancellationToken);
        }

        await status.WriteAsync(context.Bucket, ReadyState.BucketReady(details.BucketName, context.Desired.SecretName), null, cancellationToken);
        pacer.Reset(context.Bucket.Metadata.Uid);
        return ReconcileResult.Done;
    }

    /// <summary>Our Secret is in the cache (it carries our label); any other Secret of that name needs a live read.</summary>
    private async Task<V1Secret?> ReadSecretAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        if (secrets.Get(new ObjectKey(context.Bucket.Metadata.NamespaceProperty, context.Desired.SecretName)) is { } cached)
        {
            return cached;
        }

        context.SecretReadLive = true;
        return await client.GetAsync<V1Secret>(context.Desired.SecretName, context.Bucket.Metadata.NamespaceProperty, cancellationToken);
    }

    /// <summary>
    /// Drift: the bucket is gone from the project's shared list AND a direct read says 404 (never the list
    /// alone). Then status forgets it, so the next pass creates it again with new credentials.
    /// </summary>
    private async Task<bool> IsMissingAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var recorded = context.Bucket.Status!;
        var listed = await inventory.ListAsync(context.Latitude, context.Resolved.Fingerprint, recorded.Project ?? context.Project, cancellationToken);
        if (listed.Any(b => b.Id == recorded.BucketId) || await context.Latitude.GetBucketAsync(recorded.BucketId!, cancellationToken) is not null)
        {
            return false;
        }

        await events.RecordAsync(context.Bucket, EventType.Warning, EventReasons.BucketMissing, $"Bucket {recorded.BucketName} ({recorded.BucketId}) no longer exists in Latitude; creating it again", cancellationToken);
        await status.WriteAsync(
            context.Bucket,
            ReadyState.Progressing(ReadyReasons.Provisioning, $"bucket {recorded.BucketName} was deleted outside Kubernetes; creating it again"),
            s => s with { BucketId = null, Endpoint = null, CreatedAt = null, AccessKeyId = null, AccessKeyUsername = null, Versioning = null, ObjectLock = null, LifecycleRules = null },
            cancellationToken);
        return true;
    }

    /// <summary>
    /// A bucket adopted from the project's list may lack its endpoint (the documented list example has none), and an
    /// answer may carry one that is not a URL: the bucket's own record is asked, and its endpoint kept in status.
    /// </summary>
    /// <returns>The endpoint, or null when the API still gives none that is usable.</returns>
    private async Task<Uri?> ReadEndpointAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var bucket = await context.Latitude.GetBucketAsync(context.Bucket.Status!.BucketId!, cancellationToken);
        if (!Uri.TryCreate(bucket?.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return null;
        }

        context.Bucket = await status.WriteAsync(
            context.Bucket,
            ReadyState.CurrentOr(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, $"bucket {bucket!.BucketName} exists; issuing credentials")),
            s => s with { Endpoint = bucket.Endpoint },
            cancellationToken);
        return endpoint;
    }

    private async Task<ReadyState?> EnableVersioningAsync(ReconcileContext context, ConnectionDetails details, string id, string key, CancellationToken cancellationToken)
    {
        if (await S3Access.EnableVersioningAsync(details, id, key, cancellationToken) is { } refused)
        {
            return ReadyState.Failed(ReadyReasons.VersioningUpdateFailed, refused);
        }

        context.Bucket = await status.WriteAsync(context.Bucket, ReadyState.Progressing(ReadyReasons.Provisioning, "versioning enabled"), s => s with { Versioning = true }, cancellationToken);
        await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.VersioningEnabled, $"Enabled versioning on bucket {details.BucketName}", cancellationToken);
        return null;
    }

    /// <summary>
    /// Records the failure (no write when the state is unchanged) and paces the next try (<see cref="RetryPacer"/>). A
    /// token failure looks again every <see cref="TokenRecheck"/>, so a fixed token is used within a minute.
    /// </summary>
    private async Task<ReconcileResult> FailAsync(ObjectBucket bucket, ResolvedToken token, ReadyState state, CancellationToken cancellationToken, TimeSpan? retryAfter = null)
    {
        await status.WriteAsync(bucket, state, null, cancellationToken);
        var delay = pacer.Failed(bucket, token.Fingerprint, state, retryAfter);
        return Later(delay, state.Reason);
    }

    /// <summary>Comes back after <paramref name="delay"/>, or sooner for a token failure, to see whether the token changed.</summary>
    private static ReconcileResult Later(TimeSpan delay, string? readyReason) =>
        ReconcileResult.RequeueAfter(readyReason is ReadyReasons.Unauthorized or ReadyReasons.CredentialsMissing && delay > TokenRecheck ? TokenRecheck : delay);
}
