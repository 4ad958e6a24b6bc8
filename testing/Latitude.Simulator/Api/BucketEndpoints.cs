using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BucketOperator.Latitude.Simulator.Api;

internal static partial class BucketEndpoints
{
    public static void MapBuckets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/storage/buckets", List);
        app.MapPost("/storage/buckets", CreateAsync);
        app.MapGet("/storage/buckets/{id}", Get);
        app.MapDelete("/storage/buckets/{id}", DeleteAsync);
    }

    // S3 naming (the API itself only says "no special characters or spaces"): 3–63 lowercase letters,
    // digits and hyphens, starting and ending with a letter or digit.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    private static IResult List(HttpContext context, SimulatorState state, SimulatorOptions options)
    {
        var caller = Caller.Of(context);
        if (!caller.Team.StorageEnabled)
        {
            return ApiErrors.FeatureNotEnabled;
        }

        var filter = context.Request.Query["filter[project]"].ToString();
        var projects = state.Seed.Projects.Where(p => p.TeamId == caller.Team.Id && (filter.Length == 0 || p.Id == filter || p.Slug == filter));
        var data = new JsonArray([.. state.BucketsOf(projects.Select(p => p.Id)).Select(b => (JsonNode)BucketJson.Render(b, state, options.Shape, showCreatedAt: options.ListShowsCreatedAt, documentedListFields: options.ListShowsOnlyDocumentedFields))]);
        return JsonApi.Data(200, data);
    }

    private static IResult Get(string id, HttpContext context, SimulatorState state, SimulatorOptions options)
    {
        var caller = Caller.Of(context);
        if (!caller.Team.StorageEnabled)
        {
            return ApiErrors.FeatureNotEnabled;
        }

        return OwnedBucket(id, caller, state) is { } bucket ? JsonApi.Data(200, BucketJson.Render(bucket, state, options.Shape)) : ApiErrors.BucketNotFound;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorState state, SimulatorOptions options, IS3Backend s3)
    {
        var caller = Caller.Of(context);
        if (RefuseWrite(caller, ApiErrors.StorageNotEnabled) is { } refused)
        {
            return refused;
        }

        if (await JsonApi.ReadAttributesAsync(context.Request, "objects") is not { } attributes)
        {
            return ApiErrors.Validation("data.type must be 'objects' and data.attributes is required");
        }

        var project = state.FindProject(attributes.String("project"), caller.Team.Id);
        if (project is null)
        {
            return ApiErrors.InvalidProjectForBucket;
        }

        var name = attributes.String("name");
        if (name is null || !BucketName().IsMatch(name))
        {
            return ApiErrors.Validation("name cannot contain special chars or spaces");
        }

        if (state.FindSite(attributes.String("region")) is not { } site)
        {
            return ApiErrors.InvalidRegion(404);
        }

        var storageClass = attributes.String("storage_class") ?? "standard";
        if (storageClass is not ("standard" or "high_performance"))
        {
            return ApiErrors.Validation("storage_class is not included in the list");
        }

        if (storageClass == "high_performance" && !site.HighPerformance)
        {
            return ApiErrors.LocationUnavailable(site.Slug, storageClass);
        }

        var scoped = attributes.Bool("scoped") ?? false;
        if (scoped && string.IsNullOrEmpty(attributes.String("customer")))
        {
            return ApiErrors.Validation("customer is required when scoped is true");
        }

        var locking = attributes.Bool("locking") ?? false;
        var retentionPeriod = attributes.Long("retention_period");
        if (retentionPeriod is < 1)
        {
            return ApiErrors.Validation("retention_period must be greater than 0");
        }

        var bucket = new SimulatedBucket
        {
            Id = SimulatorState.NewId(options.Shape == ResponseShape.Seed ? "bucket_" : "bkt_"),
            ProjectId = project.Id,
            Name = name,
            BucketName = name,
            Region = site.Slug,
            StorageClass = storageClass,
            Endpoint = BucketJson.Endpoint(site, storageClass, s3.Endpoint),
            // Object Lock forces versioning on.
            Versioning = locking || (attributes.Bool("versioning") ?? false),
            Locking = locking,
            RetentionMode = locking ? attributes.String("retention_mode") ?? "NONE" : "NONE",
            RetentionPeriod = locking ? retentionPeriod : null,
            Scoped = scoped,
            Customer = attributes.String("customer"),
            CreatedAt = options.Time.GetUtcNow(),
        };
        switch (state.AddBucket(bucket))
        {
            case BucketNameClash.SameProject:
                return ApiErrors.Conflict(options.Shape);
            case BucketNameClash.Elsewhere:
                return ApiErrors.BucketNameTaken;
        }

        try
        {
            await s3.CreateBucketAsync(bucket.BucketName, bucket.Versioning, context.RequestAborted);
            var keys = options.Shape == ResponseShape.Seed ? await KeyPairs.IssueAsync(s3, state, context.RequestAborted) : ((string AccessKey, string SecretKey)?)null;
            if (keys is { } pair)
            {
                state.RecordBucketKey(pair.AccessKey, bucket.Id);
            }

            return JsonApi.Data(201, BucketJson.Render(bucket, state, options.Shape, keys));
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            state.RemoveBucket(bucket.Id);
            return ApiErrors.SetupError;
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, SimulatorState state, IS3Backend s3)
    {
        var caller = Caller.Of(context);
        if (RefuseWrite(caller, ApiErrors.StorageNotEnabledOnDelete) is { } refused)
        {
            return refused;
        }

        if (OwnedBucket(id, caller, state) is not { } bucket)
        {
            return ApiErrors.RecordNotFound;
        }

        var empty = await s3.IsEmptyAsync(bucket.BucketName, context.RequestAborted) ?? bucket.ObjectCount == 0;
        if (!empty || bucket.ObjectCount > 0)
        {
            return ApiErrors.BucketNotEmpty;
        }

        await s3.DeleteBucketAsync(bucket.BucketName, context.RequestAborted);
        state.RemoveBucket(bucket.Id);
        return Results.StatusCode(204);
    }

    /// <summary>Writes need a token that may write and a team with storage; each endpoint words the latter its own way.</summary>
    internal static IResult? RefuseWrite(Caller caller, IResult storageNotEnabled) =>
        !caller.Token.CanWrite ? ApiErrors.Forbidden : !caller.Team.StorageEnabled ? storageNotEnabled : null;

    /// <summary>The bucket, if it belongs to one of the caller's team's projects: another team's is as missing as a deleted one.</summary>
    internal static SimulatedBucket? OwnedBucket(string id, Caller caller, SimulatorState state) =>
        state.FindBucket(id) is { } bucket && state.Seed.Projects.Any(p => p.Id == bucket.ProjectId && p.TeamId == caller.Team.Id) ? bucket : null;
}
