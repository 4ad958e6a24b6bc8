using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Watch;

/// <summary>
/// Reads a watch response: one JSON object per line, <c>{"type": ..., "object": ...}</c>. Each line is
/// parsed once into a document; the object is then bound to <typeparamref name="T"/>, or for ERROR events to
/// <see cref="V1Status"/> (raised as <see cref="KubernetesApiException"/>). Of a BOOKMARK only
/// <c>metadata.resourceVersion</c> is read: its object is a stub that need not satisfy <typeparamref name="T"/>.
/// </summary>
internal sealed class WatchStreamReader<T>(Stream stream, JsonSerializerOptions json, string operation) : IDisposable
    where T : class, IKubernetesObject
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return Parse(line, json, operation);
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();

    internal static WatchEvent<T> Parse(string line, JsonSerializerOptions json, string operation)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetString();
            var obj = root.GetProperty("object");
            if (type == "ERROR")
            {
                var status = obj.Deserialize(json.TypeInfo<V1Status>()) ?? new V1Status { Code = 500, Message = line };
                throw new KubernetesApiException(operation, status);
            }

            if (type == "BOOKMARK")
            {
                var version = obj.GetProperty("metadata").GetProperty("resourceVersion").GetString();
                return WatchEvent.Bookmark<T>(string.IsNullOrEmpty(version) ? throw new InvalidDataException($"{operation}: bookmark without a resourceVersion") : version);
            }

            var eventType = type switch
            {
                "ADDED" => WatchEventType.Added,
                "MODIFIED" => WatchEventType.Modified,
                "DELETED" => WatchEventType.Deleted,
                _ => throw new InvalidDataException($"{operation}: unknown watch event type '{type}'"),
            };
            var value = obj.Deserialize(json.TypeInfo<T>()) ?? throw new InvalidDataException($"{operation}: {type} event without an object");
            return new WatchEvent<T>(eventType, value);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{operation}: malformed watch event: {e.Message}", e);
        }
    }
}
