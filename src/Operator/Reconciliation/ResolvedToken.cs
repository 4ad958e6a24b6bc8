using System.Security.Cryptography;
using System.Text;
using BucketOperator.Kubernetes.Models.Core;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>The Latitude token an ObjectBucket uses, the team Secret it came from (null: the operator's own), or why there is none.</summary>
internal sealed record ResolvedToken(string? Token, string? Problem, Secret? Source)
{
    /// <summary>Tells tokens apart without keeping a second copy of one in plain text; empty when there is no token.</summary>
    public string Fingerprint { get; } = Token is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

    public static ResolvedToken Missing(string problem, Secret? source = null) => new(null, problem, source);
}
