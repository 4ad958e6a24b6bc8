namespace BucketOperator.Kubernetes.Client;

/// <summary>A patch body with its content type. Use the factories; the body is sent as-is.</summary>
public sealed record Patch(string ContentType, string Body)
{
    /// <summary>RFC 7386 JSON merge patch: maps merge, lists replace, null deletes.</summary>
    public static Patch Merge(string json) => new("application/merge-patch+json", json);

    /// <summary>RFC 6902 JSON patch, e.g. with a "test" op as a precondition.</summary>
    public static Patch Json(string json) => new("application/json-patch+json", json);

    /// <summary>Kubernetes strategic merge patch (built-in kinds only).</summary>
    public static Patch StrategicMerge(string json) => new("application/strategic-merge-patch+json", json);

    /// <summary>Server-side apply of a full intent. JSON is valid YAML, so the JSON body is sent as-is.</summary>
    public static Patch Apply(string json) => new("application/apply-patch+yaml", json);
}
