using BucketOperator.Latitude.Simulator.Api;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>
/// The error body an endpoint documents for a status, for injected faults that bring none of their own: the random
/// 5xx and scripted answers without a body. A status the endpoint documents nothing for gets the generic shape.
/// </summary>
internal static class DocumentedErrors
{
    public static IResult For(string method, string path, int status)
    {
        if (path.Contains("/lifecycle_rules", StringComparison.Ordinal))
        {
            return ForLifecycleRules(method, status);
        }

        return (status, method) switch
        {
            (500, "POST") when path == "/storage/buckets" => ApiErrors.SetupError,
            (500, "DELETE") when path.StartsWith("/storage/buckets/", StringComparison.Ordinal) => ApiErrors.BucketDeletionError,
            (500, _) => ApiErrors.InternalError,
            _ => ApiErrors.ForStatus(status),
        };
    }

    private static IResult ForLifecycleRules(string method, int status) => (status, method) switch
    {
        (500, "POST") => ApiErrors.LifecycleRuleCreateError,
        (500, "DELETE") => ApiErrors.LifecycleRuleDestroyError,
        (500, "PATCH" or "PUT") => ApiErrors.LifecycleRuleUpdateError,
        (422, _) => ApiErrors.Validation("expiration_days must be greater than 0"),
        (403, _) => ApiErrors.RulesStorageNotEnabled,
        (404, _) => ApiErrors.RecordNotFound,
        (500, _) => ApiErrors.InternalError,
        _ => ApiErrors.ForStatus(status),
    };
}
