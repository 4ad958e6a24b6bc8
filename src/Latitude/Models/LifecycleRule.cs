namespace BucketOperator.Latitude.Models;

/// <summary>
/// A bucket's lifecycle rule as the API reports it (<c>lifecycle_rule_data</c>, object-storage.md §6). Rules are
/// matched by <see cref="Name"/>; <see cref="Id"/> (<c>lifecycle_…</c>) is what update and delete take.
/// </summary>
public sealed record LifecycleRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>True when the API omits it: the API's own default on create.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Null (or empty) applies the rule to the whole bucket.</summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// Days after creation until an object is deleted. Documented as always present; null when a rule (one made
    /// outside the API, say) comes without it, so that one odd rule reads as "differs" instead of failing the list.
    /// </summary>
    public int? ExpirationDays { get; init; }

    /// <summary>Days until noncurrent versions expire; null for none.</summary>
    public int? NoncurrentDays { get; init; }

    /// <summary>Days after initiation until an incomplete multipart upload is aborted (<c>abort_mpu_days_after_initiation</c>); null for none.</summary>
    public int? AbortIncompleteMultipartUploadDays { get; init; }

    /// <summary>
    /// Whether this rule already is what <paramref name="wanted"/> asks for, name included: then no write is needed.
    /// A null and an empty prefix both mean the whole bucket.
    /// </summary>
    public bool Matches(LifecycleRuleRequest wanted) =>
        Name == wanted.Name
        && Enabled == wanted.Enabled
        && (Prefix ?? "") == (wanted.Prefix ?? "")
        && ExpirationDays == wanted.ExpirationDays
        && NoncurrentDays == wanted.NoncurrentDays
        && AbortIncompleteMultipartUploadDays == wanted.AbortIncompleteMultipartUploadDays;
}
