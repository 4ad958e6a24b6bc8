using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// A cache of one kind kept current by list+watch, and the notifications that drive controllers
/// (client-go's SharedIndexInformer). The contract, as client-go's:
/// <list type="bullet">
/// <item>Eventually consistent: after the server stops changing, the cache equals the server's list and every handler has seen the final state.</item>
/// <item>Ordered per object, one notification at a time; keyed by namespace/name. A delete and re-create under the same name is seen as a delete then an add (UIDs are compared), never as an update.</item>
/// <item>Deletes missed while the watch history was lost are delivered as tombstones (<c>finalStateUnknown</c>).</item>
/// <item>Handlers and readers get the cached instances, shared and read-only (<see cref="ICacheReader{T}"/>).</item>
/// </list>
/// With several <see cref="InformerOptions.Namespaces"/>, one reflector per namespace feeds the one cache; it has
/// synced when every namespace has been listed once.
/// </summary>
public sealed class Informer<T> : IDisposable
    where T : class, IKubernetesObject
{
    private readonly IKubernetesClient _client;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReadOnlyGuard<T>? _guard;
    private readonly Store<T> _store;
    private readonly Lock _dispatch = new();
    private readonly List<IResourceEventHandler<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly KeyValuePair<string, object?> _resourceTag;
    private readonly IReadOnlyList<string?> _scopes;
    private readonly HashSet<string?> _listedScopes = [];
    private readonly long[] _lastContact;
    private ITimer? _resync;
    private int _started;

    public Informer(IKubernetesClient client, InformerOptions? options = null, ILogger<Informer<T>>? logger = null, TimeProvider? time = null)
    {
        _client = client;
        _options = options ?? new InformerOptions();
        _options.Validate();
        _logger = logger ?? NullLogger<Informer<T>>.Instance;
        _time = time ?? TimeProvider.System;
        _guard = _options.CheckReadOnly ? new ReadOnlyGuard<T>(_options.Json) : null;
        _store = new Store<T>(_guard);
        _resourceTag = new("resource", Reflector<T>.ResourceName(ResourceType.Of<T>()));
        _scopes = _options.Scopes;
        _lastContact = new long[_scopes.Count];
    }

    public InformerOptions Options => _options;

    /// <summary>Reads from the cache (shared, read-only instances).</summary>
    public ICacheReader<T> Cache => _store;

    /// <summary>Changes made to cached objects, when <see cref="InformerOptions.CheckReadOnly"/> is on (else always empty).</summary>
    public IReadOnlyList<string> ReadOnlyViolations => _guard?.Violations ?? [];

    /// <summary>True once the first list has been stored and delivered to the handlers.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// How long since the server was last heard from: a list, a watch event or bookmark, or a watch the server
    /// ended in time (counted from the start before the first); with several namespaces, the quietest one's. A
    /// healthy watch keeps this under a couple of minutes even when nothing changes; one that cannot reconnect
    /// lets it grow.
    /// </summary>
    public TimeSpan SinceLastContact => _started == 0
        ? TimeSpan.Zero
        : _lastContact.Select((_, i) => _time.GetElapsedTime(Volatile.Read(ref _lastContact[i]))).Max();

    /// <summary>Adds a named index (see <see cref="Indexers"/>); indexes may be added at any time.</summary>
    public void AddIndex(string name, Func<IKubernetesObject, IEnumerable<string>> indexFunc) => _store.AddIndex(name, indexFunc);

    /// <summary>
    /// Registers a handler. A handler added after the cache has objects first receives an add for each of
    /// them, so late handlers see the same world as early ones.
    /// </summary>
    public void AddEventHandler(IResourceEventHandler<T> handler)
    {
        lock (_dispatch)
        {
            _handlers.Add(handler);
            foreach (var key in _store.Keys())
            {
                Notify(handler, "add", key, h => h.OnAdd(_store.Peek(key)!));
            }
        }
    }

    /// <summary>Lists, watches and resyncs until cancelled (then returns normally). Runs once per informer.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException($"The informer of {_resourceTag.Value} is already running.");
        }

        for (var i = 0; i < _scopes.Count; i++)
        {
            Contact(i);
        }

        if (_options.ResyncPeriod > TimeSpan.Zero)
        {
            _resync = _time.CreateTimer(_ => Resync(), null, _options.ResyncPeriod, _options.ResyncPeriod);
        }

        try
        {
            await Task.WhenAll(_scopes.Select((scope, i) =>
                new Reflector<T>(_client, _options, scope, items => Replace(scope, items), Apply, () => Contact(i), _logger, _time).RunAsync(cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of an informer, not a failure.
        }
        finally
        {
            _resync?.Dispose();
        }
    }

    public void Dispose() => _resync?.Dispose();

    private void Contact(int scope) => Volatile.Write(ref _lastContact[scope], _time.GetTimestamp());

    /// <summary>
    /// A (re)list of one namespace (or, with a null <paramref name="scope"/>, of the cluster): the items become the
    /// cache's objects there; what vanished is delivered as a tombstone delete.
    /// </summary>
    private void Replace(string? scope, IReadOnlyList<T> items)
    {
        lock (_dispatch)
        {
            var listed = items.Select(i => ObjectKey.Of(i)).ToHashSet();
            foreach (var gone in _store.Keys().Where(k => (scope is null || k.Namespace == scope) && !listed.Contains(k)))
            {
                CacheMetrics.CachedObjects.Add(-1, _resourceTag);
                Deleted(_store.Remove(gone)!, finalStateUnknown: true);
            }

            foreach (var item in items)
            {
                Upsert(ObjectTrimmer.Trim(item));
            }

            _listedScopes.Add(scope);
            if (_listedScopes.Count == _scopes.Count && _synced.TrySetResult())
            {
                Log.Synced(_logger, (string)_resourceTag.Value!, _store.Count);
            }
        }
    }

    private void Apply(WatchEvent<T> watchEvent)
    {
        // ResumingWatch consumes bookmarks itself; none reach here, but the type allows them.
        if (watchEvent.IsBookmark)
        {
            return;
        }

        lock (_dispatch)
        {
            if (watchEvent.Type == WatchEventType.Deleted)
            {
                // The event's object is the final state; the cache may not have it (deleted before we listed).
                if (_store.Remove(ObjectKey.Of(watchEvent.Object)) is not null)
                {
                    CacheMetrics.CachedObjects.Add(-1, _resourceTag);
                }

                Deleted(watchEvent.Object, finalStateUnknown: false);
            }
            else
            {
                Upsert(ObjectTrimmer.Trim(watchEvent.Object));
            }
        }
    }

    private void Upsert(T item)
    {
        var old = _store.Put(item);
        if (old is null)
        {
            CacheMetrics.CachedObjects.Add(1, _resourceTag);
            Dispatch("add", item, h => h.OnAdd(item));
        }
        else if (old.Metadata.Uid != item.Metadata.Uid)
        {
            // Deleted and re-created while we were not watching: two objects, not one that changed.
            Deleted(old, finalStateUnknown: true);
            Dispatch("add", item, h => h.OnAdd(item));
        }
        else
        {
            Dispatch("update", item, h => h.OnUpdate(old, item));
        }
    }

    private void Deleted(T obj, bool finalStateUnknown)
    {
        Dispatch("delete", obj, h => h.OnDelete(obj, finalStateUnknown));
    }

    private void Resync()
    {
        if (!HasSynced)
        {
            return;
        }

        lock (_dispatch)
        {
            foreach (var key in _store.Keys())
            {
                var item = _store.Peek(key)!;
                Dispatch("resync", item, h => h.OnUpdate(item, item));
            }
        }
    }

    /// <summary>Called under the dispatch lock.</summary>
    private void Dispatch(string notification, T obj, Action<IResourceEventHandler<T>> deliver)
    {
        CacheMetrics.Events.Add(1, _resourceTag, new("type", notification));
        foreach (var handler in _handlers)
        {
            Notify(handler, notification, ObjectKey.Of(obj), deliver);
        }
    }

    private void Notify(IResourceEventHandler<T> handler, string notification, ObjectKey key, Action<IResourceEventHandler<T>> deliver)
    {
        try
        {
            deliver(handler);
        }
        catch (Exception e)
        {
            // A handler bug must not stop the informer: the cache and the other handlers stay correct.
            CacheMetrics.HandlerErrors.Add(1, _resourceTag);
            Log.HandlerFailed(_logger, e, (string)_resourceTag.Value!, notification, key.ToString());
        }
    }
}
