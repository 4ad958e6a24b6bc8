using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>
/// Wires a reconciler to the informers that should trigger it, in controller-runtime's words:
/// <code>
/// new ControllerBuilder&lt;ObjectBucket&gt;(informers)
///     .For(bucketOptions)                  // every change to an ObjectBucket enqueues its key
///     .Owns&lt;Secret&gt;(secretOptions)        // a change to a Secret it controls enqueues the owner
///     .WithOptions(new ControllerOptions { Workers = 4 })
///     .Complete(reconciler);
/// </code>
/// Handlers only enqueue keys; the reconciler reads the current state itself.
/// </summary>
public sealed class ControllerBuilder<T>(InformerFactory informers, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    where T : class, IKubernetesObject
{
    private readonly List<Action<RateLimitingQueue<ObjectKey>>> _handlers = [];
    private readonly List<Func<CancellationToken, Task>> _waitForCaches = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string _name = ResourceType.Of<T>().Kind.ToLowerInvariant();
    private ControllerOptions _options = new();
    private bool _hasFor;

    /// <summary>
    /// The primary kind: every add, delete and resync of a <typeparamref name="T"/> enqueues its key, and every update
    /// that <paramref name="updateFilter"/> lets through (all, by default; see <see cref="Predicates"/>).
    /// </summary>
    public ControllerBuilder<T> For(InformerOptions? options = null, Func<T, T, bool>? updateFilter = null)
    {
        var informer = informers.For<T>(options);
        _hasFor = true;
        return Watch(informer, obj => [ObjectKey.Of(obj)], updateFilter);
    }

    /// <summary>
    /// Objects this controller creates and controls: a change to one enqueues the key of its controller (the
    /// ownerReference with <c>controller: true</c> whose kind is <typeparamref name="T"/>), in the owned object's namespace.
    /// </summary>
    public ControllerBuilder<T> Owns<TOwned>(InformerOptions? options = null)
        where TOwned : class, IKubernetesObject =>
        Watches<TOwned>(owned => owned.Metadata.OwnerReferences?
            .Where(o => o.Controller == true && o.Kind == ResourceType.Of<T>().Kind && GroupOf(o.ApiVersion) == ResourceType.Of<T>().Group)
            .Select(o => new ObjectKey(owned.Metadata.NamespaceProperty, o.Name)) ?? [], options);

    /// <summary>Any other kind, mapped to the keys it should enqueue.</summary>
    public ControllerBuilder<T> Watches<TOther>(Func<TOther, IEnumerable<ObjectKey>> map, InformerOptions? options = null)
        where TOther : class, IKubernetesObject => Watch(informers.For<TOther>(options), map);

    /// <summary>
    /// Objects of a given informer (e.g. a second, named cache of a kind), mapped to the keys they should enqueue;
    /// updates only when <paramref name="updateFilter"/> lets them through (all, by default).
    /// </summary>
    public ControllerBuilder<T> Watches<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map, Func<TOther, TOther, bool>? updateFilter = null)
        where TOther : class, IKubernetesObject => Watch(informer, map, updateFilter);

    /// <summary>Names the controller (logs, metrics, queue); default: the kind in lower case.</summary>
    public ControllerBuilder<T> Named(string name)
    {
        _name = name;
        return this;
    }

    public ControllerBuilder<T> WithOptions(ControllerOptions options)
    {
        _options = options;
        return this;
    }

    /// <summary>Builds the controller; run it with <see cref="Controller{T}.RunAsync"/> after (or while) the informers run.</summary>
    public Controller<T> Complete(IReconciler<T> reconciler, IRateLimiter<ObjectKey>? rateLimiter = null)
    {
        if (!_hasFor)
        {
            throw new InvalidOperationException($"Controller {_name}: call For() to name the kind it reconciles.");
        }

        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        var queue = new RateLimitingQueue<ObjectKey>(
            new RateLimitingQueueOptions<ObjectKey> { Name = _name, RateLimiter = rateLimiter, TimeProvider = _time },
            factory.CreateLogger<RateLimitingQueue<ObjectKey>>());
        foreach (var register in _handlers)
        {
            register(queue);
        }

        return new Controller<T>(_name, reconciler, queue, _waitForCaches, _options, factory.CreateLogger<Controller<T>>(), _time);
    }

    /// <summary>"group/version" → group; "v1" (the core group) → "".</summary>
    private static string GroupOf(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    private ControllerBuilder<T> Watch<TSource>(Informer<TSource> informer, Func<TSource, IEnumerable<ObjectKey>> map, Func<TSource, TSource, bool>? updateFilter = null)
        where TSource : class, IKubernetesObject
    {
        _waitForCaches.Add(informer.WaitForSyncAsync);
        _handlers.Add(queue =>
        {
            void Enqueue(TSource obj)
            {
                foreach (var key in map(obj))
                {
                    queue.Add(key);
                }
            }

            informer.AddEventHandler(new ResourceEventHandler<TSource>(
                Enqueue,
                (oldObj, newObj) =>
                {
                    if (updateFilter?.Invoke(oldObj, newObj) != false)
                    {
                        Enqueue(newObj);
                    }
                },
                (obj, _) => Enqueue(obj)));
        });
        return this;
    }
}
