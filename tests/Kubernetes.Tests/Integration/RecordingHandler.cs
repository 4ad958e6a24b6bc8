using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>Records every notification as text ("add name", "update name", "delete name", with UID and version on request).</summary>
internal sealed class RecordingHandler<T> : IResourceEventHandler<T>
    where T : class, IKubernetesObject
{
    private readonly Lock _gate = new();
    private readonly List<Notification> _seen = [];

    public IReadOnlyList<Notification> Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen.ToList();
            }
        }
    }

    /// <summary>"verb name" in order, e.g. "add a".</summary>
    public IReadOnlyList<string> Summary(Func<Notification, bool>? filter = null) =>
        Seen.Where(filter ?? (_ => true)).Select(n => $"{n.Verb} {n.Name}").ToList();

    public void OnAdd(T obj) => Record("add", obj, false);

    public void OnUpdate(T oldObj, T newObj) => Record(oldObj.Metadata.ResourceVersion == newObj.Metadata.ResourceVersion ? "resync" : "update", newObj, false);

    public void OnDelete(T obj, bool finalStateUnknown) => Record("delete", obj, finalStateUnknown);

    private void Record(string verb, T obj, bool finalStateUnknown)
    {
        lock (_gate)
        {
            _seen.Add(new Notification(verb, obj.Metadata.Name!, obj.Metadata.Uid, obj.Metadata.ResourceVersion, finalStateUnknown));
        }
    }

    internal sealed record Notification(string Verb, string Name, string? Uid, string? ResourceVersion, bool FinalStateUnknown);
}
