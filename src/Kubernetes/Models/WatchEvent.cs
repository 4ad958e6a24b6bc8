using System.Diagnostics.CodeAnalysis;

namespace BucketOperator.Kubernetes.Models;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Carries only a newer resourceVersion, so a resumed watch starts closer to now.</summary>
    Bookmark,
}

/// <summary>
/// One change seen on a watch. ERROR events never reach callers: they are raised as exceptions. A bookmark
/// carries no object, only <see cref="ResourceVersion"/>: the server sends a stub with nothing but
/// <c>metadata.resourceVersion</c>, which a kind with required members could not even be read as.
/// </summary>
public sealed record WatchEvent<T>
    where T : class, IKubernetesObject
{
    /// <summary>An Added, Modified or Deleted event; its version is the object's.</summary>
    public WatchEvent(WatchEventType type, T @object)
    {
        ArgumentNullException.ThrowIfNull(@object);
        if (type == WatchEventType.Bookmark)
        {
            throw new ArgumentException("a bookmark carries no object: use WatchEvent.Bookmark", nameof(type));
        }

        Type = type;
        Object = @object;
        ResourceVersion = @object.Metadata.ResourceVersion;
    }

    internal WatchEvent(string resourceVersion)
    {
        Type = WatchEventType.Bookmark;
        ResourceVersion = resourceVersion;
    }

    public WatchEventType Type { get; }

    /// <summary>The object after the change (before it, for Deleted); null only for a bookmark.</summary>
    public T? Object { get; }

    /// <summary>Where a watch resumed after this event starts.</summary>
    public string? ResourceVersion { get; }

    [MemberNotNullWhen(false, nameof(Object))]
    public bool IsBookmark => Object is null;
}

/// <summary>Factory of the events that carry no object.</summary>
public static class WatchEvent
{
    public static WatchEvent<T> Bookmark<T>(string resourceVersion)
        where T : class, IKubernetesObject => new(resourceVersion);
}
