using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>Who sent the request, resolved from the Authorization header.</summary>
internal sealed record Caller(ApiToken Token, Team Team)
{
    private const string Key = nameof(Caller);

    public static Caller Of(HttpContext context) => (Caller)context.Items[Key]!;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
