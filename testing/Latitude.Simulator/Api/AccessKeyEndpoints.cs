using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BucketOperator.Latitude.Simulator.Api;

internal static partial class AccessKeyEndpoints
{
    public static void MapAccessKeys(this IEndpointRouteBuilder app)
    {
        app.MapPost("/storage/access_keys", CreateAsync);
        app.MapGet("/storage/access_keys", List);
        app.MapDelete("/storage/access_keys/{username}/{storageClass}", DeleteAsync);
    }

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex SpecialCharacters();

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorState state, SimulatorOptions options, IS3Backend s3)
    {
        var caller = Caller.Of(context);
        if (!caller.Token.CanWrite)
        {
            return ApiErrors.Forbidden;
        }

        if (await JsonApi.ReadAttributesAsync(context.Request, "access_keys") is not { } attributes)
        {
            return ApiErrors.Validation("data.type must be 'access_keys' and data.attributes is required");
        }

        if (state.FindProject(attributes.String("project"), caller.Team.Id) is not { } project)
        {
            return ApiErrors.InvalidProjectForKey;
        }

        var storageClass = attributes.String("storage_class");
        var scope = attributes.String("access_scope");
        var name = attributes.String("name");
        if (storageClass is not ("standard" or "high_performance") || scope is not ("fullaccess" or "limited_access") || string.IsNullOrWhiteSpace(name))
        {
            return ApiErrors.Validation("project, storage_class, name, access_scope and region are required");
        }

        if (state.FindSite(attributes.String("region")) is not { } site)
        {
            return ApiErrors.InvalidRegion(422);
        }

        // Ignored for fullaccess, as documented: such a key reaches every bucket of the project.
        var permissions = scope == "limited_access" ? Permissions(attributes) : [];
        if (scope == "limited_access" && permissions.Count == 0)
        {
            return ApiErrors.Validation("bucket_permissions is required when access_scope is limited_access");
        }

        if (permissions.Any(p => p.Permission is not ("readonly" or "rw")))
        {
            return ApiErrors.Validation("bucket_permissions permission must be readonly or rw");
        }

        var projectBuckets = state.BucketsOf([project.Id]);
        if (permissions.Any(p => projectBuckets.All(b => b.Id != p.BucketId)))
        {
            return ApiErrors.InvalidBucketId;
        }

        // Keys live on the provider's side of the project: Wasabi needs a standard bucket first, VAST one in the site.
        if (storageClass == "standard" && projectBuckets.All(b => b.StorageClass != "standard"))
        {
            return ApiErrors.MissingWasabiStorage;
        }

        if (storageClass == "high_performance" && projectBuckets.All(b => b.StorageClass != "high_performance" || b.Region != site.Slug))
        {
            return ApiErrors.StorageResourceNotFound;
        }

        var normalized = SpecialCharacters().Replace(name.ToLowerInvariant(), "-");
        var team = state.Seed.Teams.Single(t => t.Id == project.TeamId);
        var (accessKeyId, secret) = await KeyPairs.IssueAsync(s3, state, context.RequestAborted);
        var key = new SimulatedAccessKey
        {
            ProjectId = project.Id,
            Name = normalized,
            Username = storageClass == "standard" ? $"{team.Slug}+{normalized}@latitude.sh" : $"tenant-{project.Slug}-{normalized}",
            AccessKeyId = accessKeyId,
            Secret = secret,
            StorageClass = storageClass,
            Region = site.Slug,
            AccessScope = scope,
            Permissions = permissions,
            CreatedAt = options.Time.GetUtcNow(),
        };
        if (!state.AddAccessKey(key, allowSecond: options.DuplicateKeyNames == DuplicateKeyNames.CreateSecond))
        {
            await s3.RevokeKeyAsync(accessKeyId, context.RequestAborted);
            return ApiErrors.AccessKeyConflict;
        }

        // Wasabi (standard) and VAST (high_performance) name the pair differently.
        var credentials = storageClass == "standard"
            ? new JsonObject { ["access_key_id"] = key.AccessKeyId, ["secret_access_key"] = key.Secret }
            : new JsonObject { ["access_key"] = key.AccessKeyId, ["secret_key"] = key.Secret };
        credentials["name"] = key.Name;
        credentials["status"] = "Active";
        credentials["username"] = key.Username;
        return JsonApi.Data(201, new JsonObject { ["type"] = "access_keys", ["attributes"] = new JsonObject { ["access_key"] = credentials } });
    }

    private static List<(string BucketId, string Permission)> Permissions(JsonObject attributes) =>
        (attributes["bucket_permissions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => (BucketId: p.String("bucket_id") ?? "", Permission: p.String("permission") ?? ""))
            .ToList();

    private static IResult List(HttpContext context, SimulatorState state)
    {
        var caller = Caller.Of(context);
        if (state.FindProject(context.Request.Query["project"].ToString(), caller.Team.Id) is not { } project)
        {
            return ApiErrors.InvalidProjectForKey;
        }

        var keys = state.AccessKeysOf(project.Id);
        JsonArray Group(string storageClass) => new([.. keys.Where(k => k.StorageClass == storageClass).Select(k => (JsonNode)new JsonObject
        {
            ["name"] = k.Name,
            ["username"] = k.Username,
            ["access_key_id"] = k.AccessKeyId,
            ["status"] = "Active",
            ["created_at"] = k.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = storageClass == "standard" ? null : k.Region,
        })]);
        return JsonApi.Data(200, new JsonObject { ["standard"] = Group("standard"), ["high_performance"] = Group("high_performance") });
    }

    private static async Task<IResult> DeleteAsync(string username, string storageClass, HttpContext context, SimulatorState state)
    {
        var caller = Caller.Of(context);
        if (!caller.Token.CanWrite)
        {
            return ApiErrors.Forbidden;
        }

        if (state.FindProject(context.Request.Query["project"].ToString(), caller.Team.Id) is not { } project)
        {
            return ApiErrors.InvalidProjectForKey;
        }

        var removed = await state.RemoveAccessKeysAsync(project.Id, username, storageClass, context.RequestAborted);
        return removed.Count == 0 ? ApiErrors.AccessKeyNotFound : Results.StatusCode(204);
    }
}
