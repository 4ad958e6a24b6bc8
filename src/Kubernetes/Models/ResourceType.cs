namespace BucketOperator.Kubernetes.Models;

/// <summary>Where a kind lives in the API: group, version, plural resource name and scope.</summary>
/// <param name="Group">API group; empty for the core group ("v1").</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The REST path of the collection or of one object, optionally of a subresource.</summary>
    public string Path(string? @namespace, string? name = null, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(@namespace) && name is not null)
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required to address '{name}'.", nameof(@namespace));
        }

        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        var path = Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
        if (name is not null)
        {
            path += "/" + Uri.EscapeDataString(name);
        }

        return subresource is null ? path : $"{path}/{subresource}";
    }
}
