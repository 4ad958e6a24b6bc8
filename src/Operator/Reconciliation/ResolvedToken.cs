using System.Security.Cryptography;
using System.Text;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>The Latitude token an ObjectBucket uses, the team Secret it came from (null: the operator's own), or why there is none.</summary>
internal sealed record ResolvedToken(string? Token, string? Problem, V1Secret? Source)
{
    /// <summary>Tells tokens apart without keeping a second copy of one in plain text; empty when there is no token.</summary>
    public string Fingerprint { get; } = Token is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

    public static ResolvedToken Missing(string problem, V1Secret? source = null) => new(null, problem, source);
}
