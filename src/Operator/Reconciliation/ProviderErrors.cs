using BucketOperator.Entities;
using BucketOperator.Latitude.Errors;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>SPEC's Conditions table: which Ready state a Latitude failure becomes. The message carries the API's own detail.</summary>
internal static class ProviderErrors
{
    public static ReadyState ToReadyState(LatitudeApiException error)
    {
        var message = error.Error.Text is { Length: > 0 } text ? $"{error.Operation}: {text}" : error.Message;
        return error.Kind switch
        {
            // A delete refused as a conflict (a lock, a retention, anything but "not empty") blocks the deletion; only a
            // create's conflict is about the name.
            LatitudeErrorKind.Conflict when error.Operation.StartsWith("DELETE ", StringComparison.Ordinal) => ReadyState.Failed(ReadyReasons.DeletionBlocked, message),
            LatitudeErrorKind.Conflict => ReadyState.Failed(ReadyReasons.BucketNameConflict, message),
            LatitudeErrorKind.LocationUnavailable => ReadyState.Failed(ReadyReasons.LocationUnavailable, message),
            LatitudeErrorKind.InvalidRegion => ReadyState.Failed(ReadyReasons.InvalidRegion, message),
            LatitudeErrorKind.InvalidProject => ReadyState.Failed(ReadyReasons.InvalidProject, message),
            LatitudeErrorKind.Validation => ReadyState.Failed(ReadyReasons.InvalidSpec, message),
            LatitudeErrorKind.StorageNotEnabled => ReadyState.Failed(ReadyReasons.StorageNotEnabled, message),
            LatitudeErrorKind.Unauthorized => ReadyState.Failed(ReadyReasons.Unauthorized, message),
            LatitudeErrorKind.BucketNotEmpty => ReadyState.Failed(ReadyReasons.DeletionBlocked, message),
            LatitudeErrorKind.RateLimited => ReadyState.Progressing(ReadyReasons.RateLimited, message),
            _ => ReadyState.Progressing(ReadyReasons.ProviderError, message),
        };
    }
}
