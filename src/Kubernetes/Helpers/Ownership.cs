using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Helpers;

/// <summary>
/// Controller owner references: the garbage collector deletes an owned object with its owner, and the
/// controller reference says which single controller is responsible for it. References are matched by UID, so a
/// deleted and re-created owner of the same name is a different owner.
/// </summary>
public static class Ownership
{
    /// <summary>
    /// Makes <paramref name="owner"/> the controller of <paramref name="owned"/> (controller and blockOwnerDeletion
    /// true), replacing any plain reference to the same owner. Changes only <paramref name="owned"/>'s metadata in
    /// memory; the caller writes it.
    /// </summary>
    /// <returns>False when the reference was already exactly this: nothing to write.</returns>
    /// <exception cref="AlreadyOwnedException">Another object is the controller.</exception>
    /// <exception cref="ArgumentException">The owner has no name or UID (it was never read from the server), or the two
    /// objects are in different namespaces (the API forbids cross-namespace owners).</exception>
    public static bool SetControllerReference<TOwner>(TOwner owner, IKubernetesObject owned)
        where TOwner : class, IKubernetesObject
    {
        var uid = owner.Metadata.Uid ?? throw new ArgumentException("The owner has no metadata.uid: use the object as read from the server.", nameof(owner));
        var name = owner.Metadata.Name ?? throw new ArgumentException("The owner has no metadata.name.", nameof(owner));
        if (ResourceType.Of<TOwner>().Namespaced && owner.Metadata.NamespaceProperty != owned.Metadata.NamespaceProperty)
        {
            throw new ArgumentException(
                $"{ResourceType.Of<TOwner>().Kind} '{owner.Metadata.NamespaceProperty}/{name}' cannot own an object in namespace '{owned.Metadata.NamespaceProperty}': owners must share the namespace.",
                nameof(owned));
        }

        if (GetControllerOf(owned) is { } controller && controller.Uid != uid)
        {
            throw new AlreadyOwnedException(owned.Metadata.Name ?? "(unnamed)", controller);
        }

        var reference = new V1OwnerReference
        {
            ApiVersion = ResourceType.Of<TOwner>().ApiVersion,
            Kind = ResourceType.Of<TOwner>().Kind,
            Name = name,
            Uid = uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
        var references = owned.Metadata.OwnerReferences ?? [];
        if (references.Contains(reference))
        {
            return false;
        }

        // A new list, so a list shared with another copy of the object (e.g. a cache's) is never changed.
        owned.Metadata.OwnerReferences = [.. references.Where(r => r.Uid != uid), reference];
        return true;
    }

    /// <summary>The reference marked <c>controller: true</c>, or null.</summary>
    public static V1OwnerReference? GetControllerOf(IKubernetesObject obj) =>
        obj.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

    /// <summary>Whether <paramref name="owner"/> (by UID) is the controller of <paramref name="obj"/>.</summary>
    public static bool IsControlledBy(IKubernetesObject obj, IKubernetesObject owner) =>
        owner.Metadata.Uid is { } uid && GetControllerOf(obj)?.Uid == uid;
}
