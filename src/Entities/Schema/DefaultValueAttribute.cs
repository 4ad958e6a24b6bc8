namespace BucketOperator.Entities.Schema;

/// <summary>
/// The schema <c>default</c> the API server fills in when the field is absent (a string, bool or integer).
/// The C# initializer of the property must hold the same value; a test checks that they agree.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultValueAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
