namespace BucketOperator.Kubernetes.Client;

/// <summary>Query parameters of PATCH (and of server-side apply, where <see cref="FieldManager"/> is required).</summary>
public sealed record PatchOptions(string? FieldManager = null, bool Force = false)
{
    internal string ToQuery()
    {
        var parts = new List<string>();
        if (FieldManager is not null)
        {
            parts.Add("fieldManager=" + Uri.EscapeDataString(FieldManager));
        }

        if (Force)
        {
            parts.Add("force=true");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
