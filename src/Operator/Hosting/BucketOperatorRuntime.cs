using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.LeaderElection;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Diagnostics;
using BucketOperator.Operator.Reconciliation;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Hosting;

/// <summary>
/// The operator wired together: informers for ObjectBuckets, the operator's own (labelled) Secrets and the team
/// token Secrets in use (labelled too), the controller, and the reconciler with its parts. The host runs it; tests run it in-process with a client of
/// their choosing (e.g. one bound only to config/rbac).
/// </summary>
public sealed class BucketOperatorRuntime
{
    private readonly InformerFactory _informers;
    private readonly Func<IReadOnlyList<string>> _cacheViolations;
    private readonly Controller<ObjectBucket> _controller;
    private readonly ObjectBucketMetrics _bucketMetrics = new();

    public BucketOperatorRuntime(IKubernetesClient client, OperatorOptions options, LatitudeClientFactory latitude, ILoggerFactory loggers, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        _informers = new InformerFactory(client, loggers, clock);
        var bucketInformer = _informers.For<ObjectBucket>(new InformerOptions { Namespaces = options.WatchNamespaces, ResyncPeriod = options.ResyncPeriod, Json = Json, CheckReadOnly = options.CheckCacheReadOnly });
        bucketInformer.AddEventHandler(_bucketMetrics);
        AddIndexes(bucketInformer, options);
        var secretInformer = _informers.For<V1Secret>(new InformerOptions
        {
            Namespaces = options.WatchNamespaces,
            LabelSelector = $"{ObjectBucketNames.ManagedByLabel}={ObjectBucketNames.ManagedByValue}",
            Json = Json,
            CheckReadOnly = options.CheckCacheReadOnly,
        });

        var tokenSecretInformer = _informers.For<V1Secret>(
            new InformerOptions
            {
                Namespaces = options.WatchNamespaces,
                LabelSelector = $"{ObjectBucketNames.TokenSecretLabel}={ObjectBucketNames.TokenSecretValue}",
                Json = Json,
                CheckReadOnly = options.CheckCacheReadOnly,
            },
            name: "token-secrets");

        _cacheViolations = () => [.. bucketInformer.ReadOnlyViolations, .. secretInformer.ReadOnlyViolations, .. tokenSecretInformer.ReadOnlyViolations];
        var reconciler = CreateReconciler(bucketInformer.Cache, secretInformer.Cache, tokenSecretInformer.Cache, client, options, latitude, loggers, clock);
        var tokenUsers = new TokenSecretGuard(client, bucketInformer.Cache, tokenSecretInformer.Cache);
        bucketInformer.AddEventHandler(new TokenSecretRelease(tokenUsers, loggers.CreateLogger<TokenSecretRelease>(), clock));
        _controller = new ControllerBuilder<ObjectBucket>(_informers, loggers, clock)
            .Named("objectbucket")
            .For(updateFilter: Predicates.IgnoreStatusOnlyChanges)
            .Owns<V1Secret>()
            .Watches(tokenSecretInformer, tokenUsers.UsersOf, TokenSecretGuard.ContentChanged)
            // In-flight reconciles get 15 s after SIGTERM, within the host's 25 s; then their token is cancelled,
            // which every step survives (the create intent is recorded before the POST).
            .WithOptions(new ControllerOptions { Workers = options.Workers, ShutdownTimeout = TimeSpan.FromSeconds(15) })
            .Complete(reconciler);
    }

    /// <summary>The reconciler and its parts, reading from the given caches (the informers', or a benchmark's), the ObjectBucket cache with <see cref="AddIndexes"/>' indexes.</summary>
    internal static BucketReconciler CreateReconciler(
        ICacheReader<ObjectBucket> buckets, ICacheReader<V1Secret> secrets, ICacheReader<V1Secret> tokenSecrets, IKubernetesClient client, OperatorOptions options, LatitudeClientFactory latitude, ILoggerFactory loggers, TimeProvider clock)
    {
        var reconcilerOptions = new ReconcilerOptions
        {
            DefaultProject = options.DefaultProject,
            ResyncPeriod = options.ResyncPeriod,
            TerminalRetry = options.TerminalRetry,
            ProviderRetry = options.ProviderRetry,
            MaxProviderRetry = options.MaxProviderRetry,
        };
        var events = new EventRecorder(client, new EventRecorderOptions { Component = ObjectBucketNames.ManagedByValue }, loggers.CreateLogger<EventRecorder>(), clock);
        var status = new StatusUpdater(client, events, clock);
        // Half the period: each resync's first reconcile lists again and the rest of that resync share it, even when
        // the previous resync's reconciles ran late (a busy machine); 0.8 skipped a resync's list when one ran 0.2 periods late.
        var listAge = options.ResyncPeriod / 2;
        var inventory = new ProjectInventory<Bucket>(clock, listAge, (api, project, ct) => api.ListBucketsAsync(project, ct));
        var keys = new ProjectInventory<AccessKey>(clock, listAge, (api, project, ct) => api.ListAccessKeysAsync(project, ct));
        var claims = new BucketClaims(buckets);
        var locator = new BucketLocator(inventory, claims);
        var credentials = new CredentialManager(client, status, events, keys);
        return new BucketReconciler(
            buckets,
            secrets,
            client,
            latitude,
            new TokenResolver(client, tokenSecrets, new OperatorToken(options, clock)),
            new TokenSecretGuard(client, buckets, tokenSecrets),
            new BucketProvisioner(client, status, credentials, inventory, locator, events, clock),
            credentials,
            new LifecycleRules(status, events, inventory),
            new BucketFinalizer(client, status, inventory, locator, claims, events),
            inventory,
            new RetryPacer(reconcilerOptions, clock),
            status,
            events,
            reconcilerOptions);
    }

    /// <summary>The indexes the reconciler reads from the ObjectBucket cache: give them to an informer before it runs.</summary>
    internal static void AddIndexes(Informer<ObjectBucket> buckets, OperatorOptions options)
    {
        BucketClaims.AddIndexes(buckets, options.DefaultProject);
        TokenSecretGuard.AddIndexes(buckets);
    }

    /// <summary>The serializer that knows ObjectBuckets and the built-in kinds: give it to the Kubernetes client.</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = KubernetesJson.Create(EntitiesJsonContext.Default);

    /// <summary>For readiness: every cache has synced.</summary>
    public bool HasSynced => _informers.HasSynced;

    /// <summary>Changes made to shared cache objects so far, with <see cref="OperatorOptions.CheckCacheReadOnly"/> on (else empty).</summary>
    public IReadOnlyList<string> CacheReadOnlyViolations => _cacheViolations();

    /// <summary>For liveness: how long the quietest watch has gone without hearing from the API server.</summary>
    public TimeSpan LongestWatchSilence => _informers.LongestSilence;

    /// <summary>
    /// Runs the caches until cancelled, and the controller while <paramref name="elector"/> (if any) holds the
    /// lease: a waiting replica keeps warm caches, and its queue holds every object for the takeover. Returns
    /// when cancelled, or when leadership ended without a cancellation (lost): the caller should then exit.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken, LeaderElector? elector = null)
    {
        using var stopInformers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = _informers.RunAsync(stopInformers.Token);
        try
        {
            if (elector is null)
            {
                await _controller.RunAsync(cancellationToken);
            }
            else
            {
                await elector.RunAsync(_controller.RunAsync, cancellationToken);
            }
        }
        finally
        {
            await stopInformers.CancelAsync();
            await informers;
        }
    }
}
