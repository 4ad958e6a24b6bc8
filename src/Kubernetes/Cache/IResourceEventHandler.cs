using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Receives an informer's notifications, in order per object, one at a time. Handlers must return at once
/// (hand the key to a work queue): they run on the informer's own loop. Objects are private copies.
/// </summary>
public interface IResourceEventHandler<in T>
    where T : class, IKubernetesObject
{
    void OnAdd(T obj);

    /// <summary>Also called for every cached object on each resync, with <paramref name="oldObj"/> equal to <paramref name="newObj"/>.</summary>
    void OnUpdate(T oldObj, T newObj);

    /// <param name="finalStateUnknown">
    /// The delete was missed (the watch history was lost) and found by a relist: <paramref name="obj"/> is the
    /// last state the cache knew, not the state at deletion (client-go's DeletedFinalStateUnknown tombstone).
    /// </param>
    void OnDelete(T obj, bool finalStateUnknown);
}
