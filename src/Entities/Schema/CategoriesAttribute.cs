namespace BucketOperator.Entities.Schema;

/// <summary>Categories a kind belongs to (<c>kubectl get latitude</c> lists every kind of the category).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CategoriesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
