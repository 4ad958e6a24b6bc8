namespace BucketOperator.Entities.Schema;

/// <summary>
/// One CEL rule in <c>x-kubernetes-validations</c>, on the schema of the annotated field or type. Rules that
/// mention <c>oldSelf</c> are transition rules: evaluated on updates only, and on a field only when the old
/// object had it. Servers older than 1.25 drop the rules; the operator enforces them itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    /// <summary>What the user sees when the rule fails.</summary>
    public string Message { get; } = message;
}
