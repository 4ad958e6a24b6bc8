using System.Text;
using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Helpers;

/// <summary>
/// Adds and removes one finalizer with a JSON patch whose first operation tests the finalizer list the change
/// was computed from (or, while there is no list, the resourceVersion). When anyone changed the list meanwhile,
/// the server refuses the patch (422 for the failed test, 409 for a conflicting write) with a
/// <see cref="KubernetesApiException"/> instead of overwriting, so another controller's finalizer is never
/// dropped; the caller requeues and retries with a fresh object. Writes to other fields (status, labels) do
/// not conflict. Adding a present finalizer and removing an absent one write nothing.
/// </summary>
public static class Finalizers
{
    private const string ListPath = "/metadata/finalizers";

    public static bool Contains(IKubernetesObject obj, string finalizer) =>
        obj.Metadata.Finalizers?.Contains(finalizer) == true;

    /// <returns>The object as updated by the server, or <paramref name="obj"/> itself when the finalizer was there.</returns>
    public static Task<T> AddAsync<T>(IKubernetesClient client, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        var current = obj.Metadata.Finalizers ?? [];
        if (current.Contains(finalizer))
        {
            return Task.FromResult(obj);
        }

        // "add" on a missing list creates it, but on a list someone else has just created it would replace theirs:
        // with no list to test, the object's version is the precondition.
        return current.Count == 0
            ? PatchAsync(client, obj, cancellationToken, ("test", "/metadata/resourceVersion", ResourceVersionOf(obj)), ("add", ListPath, new[] { finalizer }))
            : PatchAsync(client, obj, cancellationToken, ("test", ListPath, current), ("add", ListPath + "/-", finalizer));
    }

    /// <returns>The object as updated by the server, or <paramref name="obj"/> itself when the finalizer was absent.</returns>
    public static Task<T> RemoveAsync<T>(IKubernetesClient client, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        var current = obj.Metadata.Finalizers ?? [];
        var index = current.IndexOf(finalizer);
        return index < 0
            ? Task.FromResult(obj)
            : PatchAsync(client, obj, cancellationToken, ("test", ListPath, current), ("remove", $"{ListPath}/{index}", null));
    }

    /// <param name="operations">RFC 6902 operations; a value is a string, a list of strings, or null for none.</param>
    private static Task<T> PatchAsync<T>(IKubernetesClient client, T obj, CancellationToken cancellationToken, params (string Op, string Path, object? Value)[] operations)
        where T : class, IKubernetesObject
    {
        var name = obj.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(obj));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (op, path, value) in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("op", op);
                writer.WriteString("path", path);
                WriteValue(writer, value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return client.PatchAsync<T>(name, obj.Metadata.NamespaceProperty, Patch.Json(Encoding.UTF8.GetString(buffer.ToArray())), cancellationToken: cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                writer.WriteString("value", text);
                return;
            case IEnumerable<string> list:
                writer.WriteStartArray("value");
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                return;
            default:
                throw new ArgumentException($"Unsupported patch value {value.GetType()}", nameof(value));
        }
    }

    private static string ResourceVersionOf(IKubernetesObject obj) =>
        obj.Metadata.ResourceVersion ?? throw new ArgumentException("metadata.resourceVersion is required: use the object as read from the server.", nameof(obj));
}
