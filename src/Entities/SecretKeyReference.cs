using BucketOperator.Entities.Schema;

namespace BucketOperator.Entities;

/// <summary>One key of a Secret in the object's own namespace.</summary>
public sealed record SecretKeyReference
{
    [Description("Name of the Secret.")]
    [Length(1, 253)]
    [Pattern(KubernetesNames.DnsSubdomain)]
    public required string Name { get; init; }

    [Description("Key in the Secret's data whose value is the token.")]
    [Length(1, 253)]
    [Pattern(KubernetesNames.SecretKey)]
    public required string Key { get; init; }
}
