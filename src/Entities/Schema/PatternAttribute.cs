namespace BucketOperator.Entities.Schema;

/// <summary>The schema <c>pattern</c> of a string field (an ECMA 262 regular expression, as the API server evaluates it).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
