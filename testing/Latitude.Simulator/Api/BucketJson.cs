using System.Globalization;
using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Simulator.Api;

/// <summary>Renders <c>object_storage_data</c> as the chosen API version does.</summary>
internal static class BucketJson
{
    /// <summary>What the documented list example (object-storage.md §3.1) shows of a bucket; <c>source</c> where the API version has it.</summary>
    private static readonly string[] DocumentedListFields = ["name", "bucket_name", "storage_class", "source", "region"];

    public static JsonObject Render(SimulatedBucket bucket, SimulatorState state, ResponseShape shape, (string AccessKey, string SecretKey)? keys = null, bool showCreatedAt = true, bool documentedListFields = false)
    {
        var project = state.Seed.Projects.Single(p => p.Id == bucket.ProjectId);
        var team = state.Seed.Teams.Single(t => t.Id == project.TeamId);
        var site = state.FindSite(bucket.Region)!;
        var attributes = new JsonObject
        {
            ["name"] = bucket.Name,
            ["storage_type"] = "object",
            ["storage_class"] = bucket.StorageClass,
            ["created_at"] = bucket.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["bucket_name"] = bucket.BucketName,
            ["endpoint"] = bucket.Endpoint,
            ["versioning"] = bucket.Versioning,
            ["locking"] = bucket.Locking,
            ["retention_mode"] = bucket.RetentionMode,
            ["retention_period"] = bucket.RetentionPeriod,
            ["region"] = new JsonObject { ["id"] = site.Slug, ["city"] = site.Slug, ["country"] = site.Country },
            ["project"] = new JsonObject { ["id"] = project.Id, ["name"] = project.Name, ["slug"] = project.Slug },
            ["team"] = new JsonObject { ["id"] = team.Id, ["slug"] = team.Slug },
        };
        if (!showCreatedAt)
        {
            attributes.Remove("created_at");
        }

        if (documentedListFields)
        {
            foreach (var name in attributes.Select(a => a.Key).Except(DocumentedListFields).ToList())
            {
                attributes.Remove(name);
            }
        }

        if (shape == ResponseShape.Current)
        {
            attributes["source"] = bucket.Source;
        }
        else if (keys is { } k)
        {
            attributes["access_key"] = k.AccessKey;
            attributes["secret_key"] = k.SecretKey;
        }

        return new JsonObject { ["id"] = bucket.Id, ["type"] = "object_storages", ["attributes"] = attributes };
    }

    /// <summary>Latitude's endpoint pattern (object-storage.md §8), or the real S3 server when there is one.</summary>
    public static string Endpoint(Site site, string storageClass, Uri? s3) =>
        s3?.ToString().TrimEnd('/') ?? (storageClass == "high_performance"
            ? $"https://objects.{site.Slug.ToLowerInvariant()}.storage.sh"
            : $"https://objects.{site.S3Region}.storage.sh");
}
