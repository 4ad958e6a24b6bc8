using BucketOperator.Entities;
using BucketOperator.Latitude.Errors;
using BucketOperator.Operator.Reconciliation;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class ProviderErrorsTests
{
    /// <summary>SPEC's Conditions table, one row per kind the Latitude client reports.</summary>
    public static TheoryData<LatitudeErrorKind, int, string, string, string> Table => new()
    {
        { LatitudeErrorKind.Conflict, 409, "BUCKET_NAME_TAKEN", "False", ReadyReasons.BucketNameConflict },
        { LatitudeErrorKind.LocationUnavailable, 422, "LOCATION_UNAVAILABLE", "False", ReadyReasons.LocationUnavailable },
        { LatitudeErrorKind.InvalidRegion, 404, "INVALID_REGION", "False", ReadyReasons.InvalidRegion },
        { LatitudeErrorKind.InvalidProject, 404, "INVALID_PROJECT", "False", ReadyReasons.InvalidProject },
        { LatitudeErrorKind.Validation, 422, "VALIDATION_ERROR", "False", ReadyReasons.InvalidSpec },
        { LatitudeErrorKind.StorageNotEnabled, 403, "STORAGE_NOT_ENABLED", "False", ReadyReasons.StorageNotEnabled },
        { LatitudeErrorKind.Unauthorized, 401, "UNAUTHORIZED", "False", ReadyReasons.Unauthorized },
        { LatitudeErrorKind.BucketNotEmpty, 409, "STORAGE_BUCKET_NOT_EMPTY", "False", ReadyReasons.DeletionBlocked },
        { LatitudeErrorKind.RateLimited, 429, "TOO_MANY_REQUESTS", "Unknown", ReadyReasons.RateLimited },
        { LatitudeErrorKind.ProviderError, 503, "SERVICE_UNAVAILABLE", "Unknown", ReadyReasons.ProviderError },
        { LatitudeErrorKind.MalformedResponse, 201, "", "Unknown", ReadyReasons.ProviderError },
        { LatitudeErrorKind.NotFound, 404, "NOT_FOUND", "Unknown", ReadyReasons.ProviderError },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void ToReadyState_Kind_SpecReasonAndStatusWithTheApisDetail(LatitudeErrorKind kind, int httpStatus, string code, string status, string reason)
    {
        const string Detail = "The detail text the API gave for this very request.";
        var error = new LatitudeApiException("POST /storage/buckets", httpStatus, kind, new LatitudeError { Code = code, Title = "Some title", Detail = Detail });

        var state = ProviderErrors.ToReadyState(error);

        Assert.Equal((status, reason), (state.Status, state.Reason));
        Assert.Contains(Detail, state.Message, StringComparison.Ordinal);
        Assert.Equal(status == "False", state.IsTerminal);
    }

    [Theory]
    [InlineData("OBJECT_LOCKED")]
    [InlineData("CONFLICT")]
    public void ToReadyState_DeleteRefusedAsAConflict_IsDeletionBlockedNotANameConflict(string code)
    {
        var error = new LatitudeApiException("DELETE /storage/buckets/bkt_1", 409, LatitudeErrorKind.Conflict, new LatitudeError { Code = code, Detail = "retention in force" });

        var state = ProviderErrors.ToReadyState(error);

        Assert.Equal(("False", ReadyReasons.DeletionBlocked), (state.Status, state.Reason));
        Assert.Contains("retention in force", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CoversEveryKind() =>
        Assert.Equal(Enum.GetValues<LatitudeErrorKind>().Order(), Table.Select(row => (LatitudeErrorKind)row[0]).Order());

    [Theory]
    [InlineData(null, "Bucket name is already taken", "Bucket name is already taken")]
    [InlineData(null, null, "BUCKET_NAME_TAKEN")]
    public void ToReadyState_NoDetail_MostSpecificTextTheApiGave(string? detail, string? message, string expected)
    {
        var error = new LatitudeApiException("POST /storage/buckets", 409, LatitudeErrorKind.Conflict, new LatitudeError { Code = "BUCKET_NAME_TAKEN", Detail = detail, Message = message });

        Assert.Contains(expected, ProviderErrors.ToReadyState(error).Message, StringComparison.Ordinal);
    }
}
