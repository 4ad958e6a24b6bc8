using System.Globalization;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BucketOperator.Latitude.Simulator.Api;

/// <summary>
/// <c>GET /storage/usage</c> (object-storage.md §4.1): daily rows of the <see cref="UsageLedger"/>, naming storages by the
/// provider's number, not the <c>bkt_</c> ID. The period defaults to yesterday and today; a future end is clamped to today.
/// </summary>
internal static class UsageEndpoints
{
    private const long GiB = 1L << 30;

    public static void MapUsage(this IEndpointRouteBuilder app) => app.MapGet("/storage/usage", List);

    private static IResult List(HttpContext context, SimulatorState state, SimulatorOptions options)
    {
        var caller = Caller.Of(context);
        if (!caller.Team.StorageEnabled)
        {
            return ApiErrors.FeatureNotEnabled;
        }

        var query = context.Request.Query;
        if (query["filter[project]"].ToString() is not { Length: > 0 } filter)
        {
            return ApiErrors.Validation("filter[project] is required");
        }

        if (state.FindProject(filter, caller.Team.Id) is not { } project)
        {
            return ApiErrors.InvalidProjectForUsage;
        }

        var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);
        if (!TryDay(query["filter[start_date]"], today.AddDays(-1), out var from) || !TryDay(query["filter[end_date]"], today, out var to))
        {
            return ApiErrors.Validation("filter[start_date] and filter[end_date] must be dates (YYYY-MM-DD)");
        }

        var storageId = query["filter[storage_id]"].ToString();
        var buckets = state.BucketsOf([project.Id]).Where(b => storageId.Length == 0 || b.Id == storageId);
        var projectNumber = 1000 + state.Seed.Projects.ToList().IndexOf(project);
        var rows = buckets.SelectMany(b => state.Usage.RowsOf(b.Id, from, to < today ? to : today).Select(row => (JsonNode)Render(row, b, projectNumber, state)));
        return JsonApi.Data(200, new JsonArray([.. rows]));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static JsonObject Render(UsageRow row, SimulatedBucket bucket, int projectNumber, SimulatorState state)
    {
        var site = state.FindSite(bucket.Region)!;
        var highPerformance = bucket.StorageClass == "high_performance";
        var date = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = $"{row.StorageNumber}_{date}",
            ["type"] = "storage_usage",
            ["attributes"] = new JsonObject
            {
                ["date"] = date,
                ["storage_id"] = row.StorageNumber.ToString(CultureInfo.InvariantCulture),
                ["project_id"] = projectNumber.ToString(CultureInfo.InvariantCulture),
                ["storage_type"] = "object",
                ["tier"] = highPerformance ? "high" : "standard",
                ["region"] = highPerformance ? site.Slug.ToLowerInvariant() : site.S3Region,
                ["bytes"] = row.Bytes,
                ["raw_value"] = Math.Round((double)row.Bytes / GiB, 6),
                ["raw_unit"] = "GiB",
                ["ingested_at"] = row.IngestedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            },
        };
    }
}
