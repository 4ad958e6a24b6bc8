namespace BucketOperator.Entities.Schema;

/// <summary>
/// The allowed values (<c>enum</c>) of a string field. The field stays a C# string so an unknown value read
/// from the server round-trips unchanged instead of failing deserialization.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumValuesAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}
