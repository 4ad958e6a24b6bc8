using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Helpers;

/// <summary>The object already has a controller other than the one being set; it must not be taken over.</summary>
public sealed class AlreadyOwnedException(string objectName, V1OwnerReference controller)
    : InvalidOperationException($"'{objectName}' is already controlled by {controller.Kind} '{controller.Name}' (uid {controller.Uid}).")
{
    /// <summary>The controller reference the object already has.</summary>
    public V1OwnerReference Controller { get; } = controller;
}
