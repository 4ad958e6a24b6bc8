namespace BucketOperator.Latitude.Errors;

/// <summary>
/// The first entry of an error response's <c>errors[]</c>. Examples mix <c>detail</c>/<c>title</c> with a
/// bare <c>message</c>, and <c>status</c> as "404" or "forbidden"; all are kept.
/// </summary>
public sealed record LatitudeError
{
    public string? Code { get; init; }

    public string? Status { get; init; }

    public string? Title { get; init; }

    public string? Detail { get; init; }

    public string? Message { get; init; }

    /// <summary>JSON pointer of the offending request field, when the API names one.</summary>
    public string? Pointer { get; init; }

    public string? Parameter { get; init; }

    /// <summary><c>meta.retry_after</c> of a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The most specific human text the API gave: detail, else message, else title.</summary>
    public string Text => Detail ?? Message ?? Title ?? Code ?? "no error text";
}
