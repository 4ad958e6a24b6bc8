namespace BucketOperator.Latitude.Errors;

/// <summary>Maps an HTTP status and error code to a <see cref="LatitudeErrorKind"/>: status first, then code.</summary>
public static class ErrorClassifier
{
    public static LatitudeErrorKind Classify(int httpStatus, string? code)
    {
        var normalized = code?.ToUpperInvariant();
        return httpStatus switch
        {
            401 => LatitudeErrorKind.Unauthorized,
            403 => normalized is "STORAGE_NOT_ENABLED" or "FEATURE_NOT_ENABLED" ? LatitudeErrorKind.StorageNotEnabled : LatitudeErrorKind.Unauthorized,
            404 => normalized switch
            {
                "INVALID_REGION" => LatitudeErrorKind.InvalidRegion,
                "INVALID_PROJECT" => LatitudeErrorKind.InvalidProject,
                _ => LatitudeErrorKind.NotFound,
            },
            409 => normalized == "STORAGE_BUCKET_NOT_EMPTY" ? LatitudeErrorKind.BucketNotEmpty : LatitudeErrorKind.Conflict,
            422 => normalized switch
            {
                "LOCATION_UNAVAILABLE" => LatitudeErrorKind.LocationUnavailable,
                "INVALID_REGION" => LatitudeErrorKind.InvalidRegion,
                _ => LatitudeErrorKind.Validation,
            },
            // 408: the server (or a proxy before it) gave up waiting; nothing is wrong with the request itself.
            408 => LatitudeErrorKind.ProviderError,
            429 => LatitudeErrorKind.RateLimited,
            >= 500 => LatitudeErrorKind.ProviderError,
            _ => LatitudeErrorKind.Validation,
        };
    }
}
