using System.Collections;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Controller;

/// <summary>
/// The log scope of one reconcile: structured (JSON loggers read the pairs) and readable as text
/// (<c>controller=objectbucket ns/name reconcileID=…</c>), where a dictionary would print its type name.
/// </summary>
internal sealed class ReconcileScope(string controller, ObjectKey key, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _pairs =
    [
        new("controller", controller),
        new("namespace", key.Namespace),
        new("name", key.Name),
        new("reconcileID", reconcileId),
    ];

    public int Count => _pairs.Length;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"controller={controller} {key} reconcileID={reconcileId}";
}
