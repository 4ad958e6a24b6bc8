using System.Globalization;
using System.Text.Json;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;

namespace BucketOperator.Latitude.Serialization;

/// <summary>
/// Turns wire shapes into models, tolerating the differences between API versions (keys on the bucket or
/// not, region as object or string, grouped or flat key lists). Missing required fields are errors, not defaults.
/// </summary>
/// <remarks>
/// Bucket fields, per object_storage_data (object-storage.md §3): <c>id</c>, <c>name</c>, <c>bucket_name</c>
/// and <c>storage_class</c> are non-nullable and present in every documented example (the trimmed list
/// example included), so a body without one is malformed; guessing them would point a Secret at the wrong S3
/// bucket or give the operator a wrong class to compare. <c>versioning</c>, <c>locking</c>,
/// <c>retention_mode</c>, <c>retention_period</c>, <c>region</c> and <c>created_at</c> are nullable (and the
/// list example omits most of them): null or absent means off / NONE / unknown, the API's own defaults.
/// <c>endpoint</c> is absent from the list example, so it stays optional too.
/// </remarks>
internal static class ResponseReader
{
    // One second short of TimeSpan.MaxValue, so FromSeconds cannot round past it.
    private const double MaxSeconds = 922_337_203_684;

    public static Bucket ToBucket(Resource<BucketAttributes>? resource)
    {
        var attributes = resource?.Attributes ?? throw new InvalidDataException("bucket without attributes");
        var id = resource.Id ?? throw new InvalidDataException("bucket without an id");
        var accessKey = StringOf(attributes.AccessKey);
        var secretKey = StringOf(attributes.SecretKey);
        return new Bucket
        {
            Id = id,
            Name = attributes.Name ?? throw Missing(id, "name"),
            BucketName = attributes.BucketName ?? throw Missing(id, "bucket_name"),
            Endpoint = attributes.Endpoint,
            StorageClass = attributes.StorageClass ?? throw Missing(id, "storage_class"),
            Region = Slug(attributes.Region),
            Versioning = attributes.Versioning ?? false,
            Locking = attributes.Locking ?? false,
            RetentionMode = attributes.RetentionMode ?? "NONE",
            RetentionPeriodDays = attributes.RetentionPeriod,
            CreatedAt = attributes.CreatedAt,
            Source = attributes.Source,
            ProjectId = Property(attributes.Project, "id"),
            ProjectSlug = Property(attributes.Project, "slug"),
            Credentials = accessKey is not null && secretKey is not null ? new S3Credentials(accessKey, secretKey) : null,
        };
    }

    public static CreatedAccessKey ToCreatedAccessKey(JsonElement data, string storageClass, string region)
    {
        var attributes = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("attributes", out var a) ? a : data;
        // Documented shape: attributes.access_key is an object holding the key; tolerate the fields directly on attributes.
        var keyObject = attributes.TryGetProperty("access_key", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : attributes;
        var key = keyObject.Deserialize(LatitudeJsonContext.Default.AccessKeyAttributes)
            ?? throw new InvalidDataException("access key response without attributes");
        var accessKeyId = key.AccessKeyId ?? StringOf(key.AccessKey) ?? throw new InvalidDataException("access key response without an access key id");
        var secret = key.SecretAccessKey ?? key.SecretKey ?? throw new InvalidDataException("access key response without a secret");
        return new CreatedAccessKey(ToAccessKey(key, storageClass) with { AccessKeyId = accessKeyId, Region = key.Region ?? region }, new S3Credentials(accessKeyId, secret));
    }

    /// <summary>The list is grouped by storage class (<c>{"standard": [...], "high_performance": [...]}</c>); a flat array is accepted too.</summary>
    public static IReadOnlyList<AccessKey> ToAccessKeys(JsonElement data)
    {
        IEnumerable<(string StorageClass, JsonElement Item)> items = data.ValueKind switch
        {
            JsonValueKind.Object => data.EnumerateObject()
                .Where(group => group.Value.ValueKind == JsonValueKind.Array)
                .SelectMany(group => group.Value.EnumerateArray().Select(item => (group.Name, item))),
            JsonValueKind.Array => data.EnumerateArray().Select(item => (StorageClasses.Standard, item)),
            JsonValueKind.Null or JsonValueKind.Undefined => [],
            _ => throw new InvalidDataException($"access key list 'data' is a {data.ValueKind}"),
        };
        return items
            .Select(entry => ToAccessKey(
                entry.Item.Deserialize(LatitudeJsonContext.Default.AccessKeyAttributes) ?? throw new InvalidDataException("null access key in list"),
                entry.StorageClass))
            .ToList();
    }

    /// <summary>
    /// <c>id</c> and <c>name</c> must be there: rules are matched by name and changed by ID, so a guess would
    /// update or delete the wrong rule. The rest is lenient (see <see cref="LifecycleRule"/>).
    /// </summary>
    public static LifecycleRule ToLifecycleRule(Resource<LifecycleRuleAttributes>? resource, string bucketId)
    {
        var id = resource?.Id ?? throw new InvalidDataException($"a lifecycle rule of bucket {bucketId} without an id");
        var attributes = resource.Attributes ?? throw new InvalidDataException($"lifecycle rule {id} of bucket {bucketId} without attributes");
        return new LifecycleRule
        {
            Id = id,
            Name = attributes.Name ?? throw new InvalidDataException($"lifecycle rule {id} of bucket {bucketId} without the required attribute 'name'"),
            Enabled = attributes.Enabled ?? true,
            Prefix = attributes.Prefix,
            ExpirationDays = attributes.ExpirationDays,
            NoncurrentDays = attributes.NoncurrentDays,
            AbortIncompleteMultipartUploadDays = attributes.AbortMpuDaysAfterInitiation,
        };
    }

    /// <summary>
    /// The latest day's row (a later <c>ingested_at</c> breaks a tie), or null without rows. <c>date</c> and
    /// <c>bytes</c> are what the figure is, so a row without them is malformed; rows for more than one storage mean
    /// the API did not apply <c>filter[storage_id]</c>, and rows name storages by a number we cannot map to a
    /// bucket, so picking one would show another bucket's size.
    /// </summary>
    public static BucketUsage? ToLatestUsage(IReadOnlyList<Resource<StorageUsageAttributes>>? rows, string bucketId)
    {
        var usages = (rows ?? []).Select(row => ToUsage(row, bucketId)).ToList();
        var storages = usages.Select(u => u.StorageId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (storages.Count > 1)
        {
            throw new InvalidDataException($"usage of bucket {bucketId} has rows for {storages.Count} storages ({string.Join(", ", storages)}): the storage filter was not applied");
        }

        return usages.OrderBy(u => u.Date).ThenBy(u => u.IngestedAt ?? DateTimeOffset.MinValue).LastOrDefault();
    }

    public static LatitudeError ToError(ErrorEntry? entry) => entry is null
        ? new LatitudeError { FromErrorEnvelope = true }
        : new LatitudeError
        {
            FromErrorEnvelope = true,
            Code = entry.Code,
            Status = StringOf(entry.Status),
            Title = entry.Title,
            Detail = entry.Detail,
            Message = entry.Message,
            Pointer = entry.Source?.Pointer,
            Parameter = entry.Source?.Parameter,
            RetryAfter = RetryAfter(entry.Meta),
        };

    private static AccessKey ToAccessKey(AccessKeyAttributes key, string storageClass)
    {
        var name = key.Name ?? key.Username ?? throw new InvalidDataException("access key without a name or username");
        return new AccessKey
        {
            Name = name,
            Username = key.Username ?? name,
            AccessKeyId = key.AccessKeyId ?? StringOf(key.AccessKey),
            Status = key.Status,
            StorageClass = storageClass,
            Region = key.Region,
            CreatedAt = key.CreatedAt,
        };
    }

    private static BucketUsage ToUsage(Resource<StorageUsageAttributes>? row, string bucketId)
    {
        var what = $"usage row {row?.Id ?? "(no id)"} of bucket {bucketId}";
        var attributes = row?.Attributes ?? throw new InvalidDataException(what + " without attributes");
        var bytes = attributes.Bytes ?? throw new InvalidDataException(what + " without the required attribute 'bytes'");
        return new BucketUsage
        {
            Bytes = bytes >= 0 ? bytes : throw new InvalidDataException($"{what}: bytes is {bytes}"),
            Date = Day(attributes.Date) ?? throw new InvalidDataException($"{what}: 'date' is {(attributes.Date is null ? "missing" : $"not a date ('{attributes.Date}')")}"),
            StorageId = StringOf(attributes.StorageId),
            Region = attributes.Region,
            Tier = attributes.Tier,
            IngestedAt = attributes.IngestedAt,
        };
    }

    /// <summary>A <c>date</c> as documented (<c>2026-01-02</c>), or a timestamp's UTC day.</summary>
    private static DateOnly? Day(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? DateOnly.FromDateTime(at.UtcDateTime)
        : null;

    private static InvalidDataException Missing(string bucketId, string field) => new($"bucket {bucketId} without the required attribute '{field}'");

    private static TimeSpan? RetryAfter(JsonElement? meta)
    {
        if (meta is not { ValueKind: JsonValueKind.Object } m || !m.TryGetProperty("retry_after", out var value))
        {
            return null;
        }

        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => (double?)null,
        };
        // Beyond TimeSpan's range (1e300, "Infinity") is read as "forever", not an overflow; the client caps it.
        return seconds switch
        {
            >= 0 and < MaxSeconds => TimeSpan.FromSeconds(seconds.Value),
            >= MaxSeconds => TimeSpan.MaxValue,
            _ => null,
        };
    }

    /// <summary>The site slug: <c>region.id</c> of the documented object, or a bare string.</summary>
    private static string? Slug(JsonElement? region) => region switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => Property(o, "id") ?? Property(o, "city"),
        _ => null,
    };

    private static string? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? StringOf(value) : null;

    private static string? StringOf(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
