namespace BucketOperator.Entities.Schema;

/// <summary>
/// The kind has a <c>status</c> subresource: writes to the object ignore status, writes to <c>/status</c>
/// ignore everything else, and only spec changes bump <c>metadata.generation</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StatusSubresourceAttribute : Attribute;
