namespace BucketOperator.Kubernetes.Models;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Carries only a newer resourceVersion, so a resumed watch starts closer to now.</summary>
    Bookmark,
}

/// <summary>One change seen on a watch. ERROR events never reach callers: they are raised as exceptions.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object)
    where T : IKubernetesObject<T>;
