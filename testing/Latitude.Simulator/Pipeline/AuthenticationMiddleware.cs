using BucketOperator.Latitude.Simulator.Api;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>
/// Accepts the token verbatim (as the SDKs send it) or as "Bearer &lt;token&gt;" (as older docs show):
/// which form the real API wants is an open question (object-storage.md §11.13).
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, SimulatorState state)
{
    public Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : header.Trim();
        if (state.Authenticate(token) is not { } caller)
        {
            return ApiErrors.Unauthorized.ExecuteAsync(context);
        }

        new Caller(caller.Token, caller.Team).AttachTo(context);
        return next(context);
    }
}
