namespace BucketOperator.Latitude.Models;

/// <summary>
/// A lifecycle rule as sent: the attributes of both create and update. Values the API refuses (a day count below
/// 1, an empty name) come back as 422 VALIDATION_ERROR with the API's detail; the client does not check them first.
/// </summary>
public sealed record LifecycleRuleRequest
{
    public required string Name { get; init; }

    /// <summary>Default true, as the API's.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Null (default) applies the rule to the whole bucket.</summary>
    public string? Prefix { get; init; }

    /// <summary>Days after creation until an object is deleted; at least 1.</summary>
    public required int ExpirationDays { get; init; }

    /// <summary>Days until noncurrent versions expire; at least 1, or null (default) for none.</summary>
    public int? NoncurrentDays { get; init; }

    /// <summary>Days after initiation until an incomplete multipart upload is aborted; at least 1, or null (default) for none.</summary>
    public int? AbortIncompleteMultipartUploadDays { get; init; }
}
