namespace BucketOperator.Entities.Schema;

/// <summary>Short names of a kind on the command line (<c>kubectl get lob</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
