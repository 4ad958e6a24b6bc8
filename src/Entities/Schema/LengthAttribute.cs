namespace BucketOperator.Entities.Schema;

/// <summary>
/// <c>minLength</c> and <c>maxLength</c> of a string field. A maximum also bounds the estimated cost of the
/// field's CEL rules, which the API server checks when the CRD is written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;

    public int Max { get; } = max;
}
