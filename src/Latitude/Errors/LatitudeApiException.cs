namespace BucketOperator.Latitude.Errors;

/// <summary>
/// A failed Latitude call: the HTTP status (0 when no response arrived), the API's own error entry and the
/// <see cref="LatitudeErrorKind"/> to act on. The message never contains the API token or a secret key.
/// </summary>
public sealed class LatitudeApiException : Exception
{
    public LatitudeApiException(string operation, int httpStatus, LatitudeErrorKind kind, LatitudeError error, bool outcomeUnknown = false, Exception? inner = null)
        : base(Describe(operation, httpStatus, error, outcomeUnknown), inner)
    {
        Operation = operation;
        HttpStatus = httpStatus;
        Kind = kind;
        Error = error;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>E.g. "POST /storage/buckets".</summary>
    public string Operation { get; }

    public int HttpStatus { get; }

    public LatitudeErrorKind Kind { get; }

    public LatitudeError Error { get; }

    /// <summary>
    /// True when a write may have taken effect although it failed: the response was lost (timeout, dropped
    /// connection), was a 5xx or a 408, or was a 2xx whose body could not be read or mapped (the write
    /// happened; what it created is unknown). The API has no idempotency key, so the caller must look (list)
    /// before writing again.
    /// </summary>
    public bool OutcomeUnknown { get; }

    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>Worth retrying as-is after a delay; other kinds need a change of input or of the account.</summary>
    public bool IsTransient => Kind is LatitudeErrorKind.RateLimited or LatitudeErrorKind.ProviderError or LatitudeErrorKind.MalformedResponse;

    private static string Describe(string operation, int httpStatus, LatitudeError error, bool outcomeUnknown)
    {
        var status = httpStatus == 0 ? "no response" : httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = error.Code is null ? "" : $" {error.Code}";
        var unknown = outcomeUnknown ? " (the request may have taken effect)" : "";
        return $"{operation}: {status}{code}: {error.Text}{unknown}";
    }
}
