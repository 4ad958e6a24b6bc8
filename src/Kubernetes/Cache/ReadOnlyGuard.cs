using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// Checks the cache's read-only contract (<see cref="InformerOptions.CheckReadOnly"/>): each object is serialized when
/// it is stored, and again whenever it is handed out, replaced or removed; a difference means someone changed a shared
/// instance. Costs a serialization per read, so it is for tests, which assert that <see cref="Violations"/> stays empty.
/// </summary>
internal sealed class ReadOnlyGuard<T>(JsonSerializerOptions json)
    where T : class, IKubernetesObject
{
    private readonly JsonTypeInfo<T> _type = json.TypeInfo<T>();
    private readonly ConditionalWeakTable<T, byte[]> _sealed = [];
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    public void Seal(T obj) => _sealed.AddOrUpdate(obj, JsonSerializer.SerializeToUtf8Bytes(obj, _type));

    public void Check(T obj, string when)
    {
        if (_sealed.TryGetValue(obj, out var expected) && !expected.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(obj, _type)))
        {
            lock (_violations)
            {
                _violations.Add($"{ResourceType.Of<T>().Kind} {ObjectKey.Of(obj)} was changed after it was cached (seen {when}): cache objects are shared; change a copy");
            }

            Seal(obj);
        }
    }
}
