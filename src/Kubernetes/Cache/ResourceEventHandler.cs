using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>An <see cref="IResourceEventHandler{T}"/> from delegates; the common case enqueues the same key for all three.</summary>
public sealed class ResourceEventHandler<T>(
    Action<T>? onAdd = null,
    Action<T, T>? onUpdate = null,
    Action<T, bool>? onDelete = null) : IResourceEventHandler<T>
    where T : class, IKubernetesObject
{
    /// <summary>One action for every notification, given the newest object.</summary>
    public ResourceEventHandler(Action<T> onAny)
        : this(onAny, (_, current) => onAny(current), (obj, _) => onAny(obj))
    {
    }

    public void OnAdd(T obj) => onAdd?.Invoke(obj);

    public void OnUpdate(T oldObj, T newObj) => onUpdate?.Invoke(oldObj, newObj);

    public void OnDelete(T obj, bool finalStateUnknown) => onDelete?.Invoke(obj, finalStateUnknown);
}
