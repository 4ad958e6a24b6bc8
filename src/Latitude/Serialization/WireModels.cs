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
