using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// The thread-safe cache behind an informer, keyed <c>namespace/name</c>, with named indexes kept current on
/// every change. Reads hand out the stored instances themselves, shared and read-only (<see cref="ICacheReader{T}"/>);
/// copying each on every read cost more than half of what a reconcile allocated. Only the informer writes to it.
/// </summary>
internal sealed class Store<T>(ReadOnlyGuard<T>? guard = null) : ICacheReader<T>
    where T : class, IKubernetesObject
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<IKubernetesObject, IEnumerable<string>>> _indexers = [];
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indexes = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds an index; existing items are indexed at once.</summary>
    public void AddIndex(string name, Func<IKubernetesObject, IEnumerable<string>> indexFunc)
    {
        lock (_gate)
        {
            if (!_indexers.TryAdd(name, indexFunc))
            {
                throw new ArgumentException($"An index named '{name}' already exists.", nameof(name));
            }

            _indexes[name] = [];
            foreach (var (key, item) in _items)
            {
                Index(name, key, item, add: true);
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.TryGetValue(key, out var item) ? Checked(item) : default;
        }
    }

    /// <summary>The cached instance itself, for the informer's own comparisons; never handed to callers.</summary>
    public T? Peek(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (_gate)
        {
            return _items
                .Where(pair => @namespace is null || pair.Key.Namespace == @namespace)
                .Select(pair => Checked(pair.Value))
                .ToList();
        }
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index named '{indexName}'.", nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? keys.Select(k => Checked(_items[k])).ToList() : [];
        }
    }

    public IReadOnlyCollection<ObjectKey> Keys()
    {
        lock (_gate)
        {
            return _items.Keys.ToList();
        }
    }

    /// <summary>Stores <paramref name="item"/> (which the store now owns) and returns the instance it replaced.</summary>
    public T? Put(T item)
    {
        var key = ObjectKey.Of(item);
        lock (_gate)
        {
            var old = RemoveLocked(key);
            guard?.Seal(item);
            _items[key] = item;
            foreach (var name in _indexers.Keys)
            {
                Index(name, key, item, add: true);
            }

            return old;
        }
    }

    public T? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            return RemoveLocked(key);
        }
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_items.Remove(key, out var old))
        {
            return default;
        }

        guard?.Check(old, "when it left the cache");
        foreach (var name in _indexers.Keys)
        {
            Index(name, key, old, add: false);
        }

        return old;
    }

    private T Checked(T item)
    {
        guard?.Check(item, "at a later read");
        return item;
    }

    private void Index(string name, ObjectKey key, T item, bool add)
    {
        var index = _indexes[name];
        foreach (var value in _indexers[name](item).Distinct())
        {
            if (add)
            {
                if (!index.TryGetValue(value, out var keys))
                {
                    index[value] = keys = [];
                }

                keys.Add(key);
            }
            else if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                index.Remove(value);
            }
        }
    }
}
