using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace BucketOperator.Latitude.Simulator.Api;

/// <summary>
/// The error bodies the real API sends, in the exact (inconsistent) shapes of object-storage.md: most carry
/// code/title/detail/meta/status, some only code/message, and USER_AUTHORIZATION_ERROR has status "forbidden".
/// </summary>
internal static class ApiErrors
{
    public static IResult Unauthorized { get; } = Detailed(401, "UNAUTHORIZED", "Unauthorized", "Invalid or missing API key.");

    public static IResult Forbidden { get; } = Respond(403, new JsonObject
    {
        ["code"] = "USER_AUTHORIZATION_ERROR",
        ["status"] = "forbidden",
        ["title"] = "User Authorization Error",
        ["detail"] = "You are not authorized to perform this action.",
        ["meta"] = new JsonObject(),
    });

    public static IResult StorageNotEnabled { get; } = Detailed(403, "STORAGE_NOT_ENABLED", "Object Storage not enabled", "Object Storage is not enabled for this team");

    /// <summary>The delete endpoint's variant of STORAGE_NOT_ENABLED, with a bare message.</summary>
    public static IResult StorageNotEnabledOnDelete { get; } = Bare(403, "STORAGE_NOT_ENABLED", "Object Storage is not enabled for this team");

    /// <summary>What GETs answer for a team without object storage.</summary>
    public static IResult FeatureNotEnabled { get; } = Bare(403, "FEATURE_NOT_ENABLED", "Object Storage is not enabled for this team");

    public static IResult InvalidProjectForBucket { get; } = Detailed(404, "INVALID_PROJECT", "Invalid project", "We could not find the project you are trying to create object storage for.");

    public static IResult InvalidProjectForKey { get; } = Detailed(404, "INVALID_PROJECT", "Invalid project", "We could not find the project you are trying to create an access key for.");

    public static IResult BucketNameTaken { get; } = Detailed(409, "BUCKET_NAME_TAKEN", "Bucket Name Taken", "Bucket name is already in use. Choose a different name.");

    public static IResult SetupError { get; } = Detailed(500, "OBJECT_STORAGE_SETUP_ERROR", "Object storage setup error", "Failed to provision object storage infrastructure");

    /// <summary>GET of a missing bucket: bare message.</summary>
    public static IResult BucketNotFound { get; } = Bare(404, "NOT_FOUND", "Object storage not found");

    /// <summary>DELETE of a missing bucket: lowercase code, generic title.</summary>
    public static IResult RecordNotFound { get; } = Detailed(404, "not_found", "Error", "Specified Record Not Found");

    public static IResult BucketNotEmpty { get; } = Detailed(409, "STORAGE_BUCKET_NOT_EMPTY", "Bucket Not Empty",
        "Bucket is not empty. Delete all objects (including all versions and delete markers) before deleting the bucket.");

    public static IResult BucketDeletionError { get; } = Detailed(500, "BUCKET_DELETION_ERROR", "Bucket deletion error", "We had a problem cleaning up your bucket.");

    public static IResult AccessKeyNotFound { get; } = Detailed(404, "ACCESS_KEY_NOT_FOUND", "Access Key Not Found", "The access key could not be found.");

    public static IResult StorageResourceNotFound { get; } = Detailed(404, "STORAGE_RESOURCE_NOT_FOUND", "Storage Resource Not Found", "Storage resource not found.");

    public static IResult MissingWasabiStorage { get; } = Detailed(422, "MISSING_WASABI_STORAGE", "Missing Wasabi Storage", "The project does not have a Wasabi object storage configured.");

    public static IResult InvalidBucketId { get; } = Detailed(422, "INVALID_BUCKET_ID", "Invalid Bucket ID", "One or more bucket IDs are invalid or do not belong to this project.");

    /// <summary>Undocumented: Terraform notes that re-creating a key "409s"; this body is the simulator's guess.</summary>
    public static IResult AccessKeyConflict { get; } = Detailed(409, "CONFLICT", "Access key conflict", "An access key with this name already exists.");

    /// <summary>The lifecycle-rule endpoints' STORAGE_NOT_ENABLED, on reads too: code and title only, as documented.</summary>
    public static IResult RulesStorageNotEnabled { get; } = Respond(403, new JsonObject { ["code"] = "STORAGE_NOT_ENABLED", ["title"] = "Object Storage not enabled" });

    public static IResult LifecycleRuleCreateError { get; } = Detailed(500, "LIFECYCLE_RULE_CREATE_ERROR", "Lifecycle rule creation error", "Failed to create lifecycle rule on storage provider");

    public static IResult LifecycleRuleUpdateError { get; } = Detailed(500, "LIFECYCLE_RULE_UPDATE_ERROR", "Lifecycle rule update error", "Failed to update lifecycle rule on storage provider");

    public static IResult LifecycleRuleDestroyError { get; } = Detailed(500, "LIFECYCLE_RULE_DESTROY_ERROR", "Lifecycle rule deletion error", "Failed to delete lifecycle rule from storage provider");

    /// <summary>Usage declares no errors; this is the simulator's guess, in the shape of the other INVALID_PROJECT bodies.</summary>
    public static IResult InvalidProjectForUsage { get; } = Detailed(404, "INVALID_PROJECT", "Invalid project", "We could not find the project you specified.");

    public static IResult InternalError { get; } = Detailed(500, "INTERNAL_SERVER_ERROR", "Internal Server Error", "Something went wrong on our side.");

    /// <summary>
    /// The documented error shape for a status no endpoint documents a body for (such as a 503 from the API's
    /// front): code and title from the status's name.
    /// </summary>
    public static IResult ForStatus(int status)
    {
        var title = ReasonPhrases.GetReasonPhrase(status);
        return Detailed(status, title.ToUpperInvariant().Replace(' ', '_'), title, $"The API answered {status} {title}.");
    }

    /// <summary>404 on bucket create, 422 on access-key create (as documented).</summary>
    public static IResult InvalidRegion(int status) => Detailed(status, "INVALID_REGION", "Invalid region", "We could not find the region you specified.");

    public static IResult Validation(string detail) => Detailed(422, "VALIDATION_ERROR", "Validation Error", detail);

    public static IResult LocationUnavailable(string site, string storageClass) =>
        Detailed(422, "LOCATION_UNAVAILABLE", "Location not available", $"Location '{site}' is not available for {storageClass} object storage.");

    public static IResult Conflict(ResponseShape shape) => shape == ResponseShape.Seed
        ? Detailed(409, "CONFLICT", "Object storage creation error", "Object Storage already exists")
        : Detailed(409, "STORAGE_CONFLICT", "Storage Resource Conflict", "Object storage already exists.");

    public static IResult RateLimited(int retryAfterSeconds) => Respond(429, new JsonObject
    {
        ["code"] = "RATE_LIMIT_EXCEEDED",
        ["title"] = "Rate Limit Exceeded",
        ["status"] = "429",
        ["detail"] = "Too many requests. Please slow down and retry.",
        ["meta"] = new JsonObject { ["retry_after"] = retryAfterSeconds },
    });

    private static IResult Detailed(int status, string code, string title, string detail) => Respond(status, new JsonObject
    {
        ["code"] = code,
        ["title"] = title,
        ["detail"] = detail,
        ["meta"] = new JsonObject(),
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static IResult Bare(int status, string code, string message) => Respond(status, new JsonObject { ["code"] = code, ["message"] = message });

    private static IResult Respond(int status, JsonObject error) =>
        JsonApi.Result(status, new JsonObject { ["errors"] = new JsonArray(error) });
}
