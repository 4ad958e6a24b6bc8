using System.Text.Json;
using System.Text.Json.Serialization;

namespace BucketOperator.Latitude.Serialization;

// JSON:API shapes as sent and received. Fields whose type differs between API versions or examples
// stay JsonElement and are read by ResponseReader.

internal sealed record Document<T>(T? Data);

internal sealed record Resource<TAttributes>(string? Id, string? Type, TAttributes? Attributes);

internal sealed record NewResource<TAttributes>(string Type, TAttributes Attributes);

internal sealed record BucketAttributes(
    string? Name,
    string? StorageType,
    string? StorageClass,
    [property: JsonConverter(typeof(LenientTimestampConverter))] DateTimeOffset? CreatedAt,
    string? BucketName,
    string? Endpoint,
    bool? Versioning,
    bool? Locking,
    string? RetentionMode,
    long? RetentionPeriod,
    string? Source,
    JsonElement? Region,
    JsonElement? Project,
    JsonElement? AccessKey,
    JsonElement? SecretKey);

internal sealed record CreateBucketAttributes(
    string Project,
    string Name,
    string Region,
    bool? Scoped,
    string? Customer,
    string? StorageClass,
    bool? Versioning,
    bool? Locking,
    string? RetentionMode,
    long? RetentionPeriod);

internal sealed record CreateAccessKeyAttributes(
    string Project,
    string StorageClass,
    string Name,
    string AccessScope,
    string Region,
    IReadOnlyList<BucketPermissionAttributes>? BucketPermissions);

internal sealed record BucketPermissionAttributes(string BucketId, string Permission);

/// <summary>Either provider's key shape: Wasabi (access_key_id/secret_access_key) or VAST (access_key/secret_key).</summary>
internal sealed record AccessKeyAttributes(
    string? AccessKeyId,
    string? SecretAccessKey,
    JsonElement? AccessKey,
    string? SecretKey,
    string? Name,
    string? Status,
    string? Username,
    [property: JsonConverter(typeof(LenientTimestampConverter))] DateTimeOffset? CreatedAt,
    string? Region);

/// <summary>A rule as read. Every field may be absent; <see cref="ResponseReader.ToLifecycleRule"/> decides which must be there.</summary>
internal sealed record LifecycleRuleAttributes(
    string? Name,
    bool? Enabled,
    string? Prefix,
    int? ExpirationDays,
    int? NoncurrentDays,
    int? AbortMpuDaysAfterInitiation);

/// <summary>Create: absent fields take the API's defaults, as the documented example sends them.</summary>
internal sealed record CreateLifecycleRuleAttributes(
    string Name,
    bool Enabled,
    string? Prefix,
    int ExpirationDays,
    int? NoncurrentDays,
    int? AbortMpuDaysAfterInitiation);

/// <summary>
/// Update: nulls are sent, not omitted. Under PATCH an omitted field keeps its old value, so a prefix or a
/// noncurrent expiry removed from the spec would never be cleared.
/// </summary>
internal sealed record UpdateLifecycleRuleAttributes(
    string Name,
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Prefix,
    int ExpirationDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? NoncurrentDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? AbortMpuDaysAfterInitiation);

/// <summary>
/// A <c>storage_usage</c> row. <c>date</c> stays text (read by <see cref="ResponseReader.ToLatestUsage"/>), and the
/// numeric IDs come as strings or numbers.
/// </summary>
internal sealed record StorageUsageAttributes(
    string? Date,
    JsonElement? StorageId,
    string? StorageType,
    string? Tier,
    string? Region,
    long? Bytes,
    [property: JsonConverter(typeof(LenientTimestampConverter))] DateTimeOffset? IngestedAt);

internal sealed record ErrorDocument(IReadOnlyList<ErrorEntry>? Errors);

internal sealed record ErrorEntry(
    string? Code,
    JsonElement? Status,
    string? Title,
    string? Detail,
    string? Message,
    ErrorSource? Source,
    JsonElement? Meta);

internal sealed record ErrorSource(string? Pointer, string? Parameter);
