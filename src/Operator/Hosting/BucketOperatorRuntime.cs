using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Controller;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Latitude;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Reconciliation;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Hosting;

/// <summary>
/// The operator wired together: informers for ObjectBuckets and the operator's own (labelled) Secrets, the
/// controller, and the reconciler with its parts. The host runs it; tests run it in-process with a client of
/// their choosing (e.g. one bound only to config/rbac).
/// </summary>
public sealed class BucketOperatorRuntime
{
    private readonly InformerFactory _informers;
    private readonly Controller<ObjectBucket> _controller;
    private readonly IReadOnlySet<string> _namespaces;

    public BucketOperatorRuntime(IKubernetesClient client, OperatorOptions options, LatitudeClientFactory latitude, ILoggerFactory loggers, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        _namespaces = options.WatchNamespaces.ToHashSet();
        _informers = new InformerFactory(client, loggers, clock);
        var watchOne = options.WatchNamespaces.Count == 1 ? options.WatchNamespaces[0] : null;
        var bucketInformer = _informers.For<ObjectBucket>(new InformerOptions { Namespace = watchOne, ResyncPeriod = options.ResyncPeriod, Json = Json });
        var secretInformer = _informers.For<Secret>(new InformerOptions
        {
            Namespace = watchOne,
            LabelSelector = $"{ObjectBucketNames.ManagedByLabel}={ObjectBucketNames.ManagedByValue}",
            Json = Json,
        });

        var reconciler = CreateReconciler(bucketInformer.Cache, secretInformer.Cache, client, options, latitude, loggers, clock);
        _controller = new ControllerBuilder<ObjectBucket>(_informers, loggers, clock)
            .Named("objectbucket")
            .For(updateFilter: Predicates.IgnoreStatusOnlyChanges)
            .Owns<Secret>()
            .WithOptions(new ControllerOptions { Workers = options.Workers })
            .Complete(new NamespaceFilter(reconciler, _namespaces));
    }

    /// <summary>The reconciler and its parts, reading from the given caches (the informers', or a benchmark's).</summary>
    internal static BucketReconciler CreateReconciler(
        ICacheReader<ObjectBucket> buckets, ICacheReader<Secret> secrets, IKubernetesClient client, OperatorOptions options, LatitudeClientFactory latitude, ILoggerFactory loggers, TimeProvider clock)
    {
        var events = new EventRecorder(client, new EventRecorderOptions { Component = ObjectBucketNames.ManagedByValue }, loggers.CreateLogger<EventRecorder>(), clock);
        var status = new StatusUpdater(client, events, clock);
        // A little under the period: each resync's first reconcile lists again, the rest of that resync share it.
        var inventory = new BucketInventory(clock, options.ResyncPeriod * 0.8);
        var credentials = new CredentialManager(client, status, events);
        return new BucketReconciler(
            buckets,
            secrets,
            client,
            latitude,
            new TokenResolver(client, new OperatorToken(options)),
            new BucketProvisioner(client, status, credentials, inventory, events, clock),
            credentials,
            new BucketFinalizer(client, status, inventory, events),
            inventory,
            status,
            events,
            new ReconcilerOptions { DefaultProject = options.DefaultProject, ResyncPeriod = options.ResyncPeriod, TerminalRetry = options.TerminalRetry });
    }

    /// <summary>The serializer that knows ObjectBuckets and the built-in kinds: give it to the Kubernetes client.</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = KubernetesJson.Create(EntitiesJsonContext.Default);

    /// <summary>For readiness: every cache has synced.</summary>
    public bool HasSynced => _informers.HasSynced;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var informers = _informers.RunAsync(cancellationToken);
        await _controller.RunAsync(cancellationToken);
        await informers;
    }
}
