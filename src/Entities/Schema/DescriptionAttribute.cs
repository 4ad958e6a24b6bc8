namespace BucketOperator.Entities.Schema;

/// <summary>The schema <c>description</c> of a kind or field: what <c>kubectl explain</c> shows.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class DescriptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
