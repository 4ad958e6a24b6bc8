namespace BucketOperator.Entities.Schema;

/// <summary>
/// The list is a map keyed by these item fields (<c>x-kubernetes-list-type: map</c>): server-side apply
/// merges items by key instead of replacing the list, and duplicate keys are rejected.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
