namespace BucketOperator.Latitude.Errors;

/// <summary>What a caller can do about a failed call. Derived from the HTTP status first, then the error code.</summary>
public enum LatitudeErrorKind
{
    /// <summary>409 CONFLICT / STORAGE_CONFLICT / BUCKET_NAME_TAKEN: the name is in use.</summary>
    Conflict,

    /// <summary>422 LOCATION_UNAVAILABLE: the site does not sell that storage class.</summary>
    LocationUnavailable,

    /// <summary>404 (buckets) or 422 (access keys) INVALID_REGION.</summary>
    InvalidRegion,

    /// <summary>404 INVALID_PROJECT.</summary>
    InvalidProject,

    /// <summary>422 VALIDATION_ERROR (a refused lifecycle rule too) and other request errors (400, 405, MISSING_WASABI_STORAGE, INVALID_BUCKET_ID).</summary>
    Validation,

    /// <summary>403 STORAGE_NOT_ENABLED (writes) or FEATURE_NOT_ENABLED (reads).</summary>
    StorageNotEnabled,

    /// <summary>401, or 403 USER_AUTHORIZATION_ERROR.</summary>
    Unauthorized,

    /// <summary>429; <see cref="LatitudeApiException.RetryAfter"/> says how long to wait.</summary>
    RateLimited,

    /// <summary>404 for the addressed bucket, key or lifecycle rule (NOT_FOUND, not_found, ACCESS_KEY_NOT_FOUND, …).</summary>
    NotFound,

    /// <summary>409 STORAGE_BUCKET_NOT_EMPTY on delete.</summary>
    BucketNotEmpty,

    /// <summary>5xx (LIFECYCLE_RULE_CREATE/UPDATE/DESTROY_ERROR among them), 408, timeouts and connection failures: transient.</summary>
    ProviderError,

    /// <summary>
    /// A 2xx whose body could not be read or lacks a required field: reported with context and transient. After
    /// a write it carries <see cref="LatitudeApiException.OutcomeUnknown"/>: the write happened.
    /// </summary>
    MalformedResponse,
}
