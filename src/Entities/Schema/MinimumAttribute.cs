namespace BucketOperator.Entities.Schema;

/// <summary>The inclusive <c>minimum</c> of an integer field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
