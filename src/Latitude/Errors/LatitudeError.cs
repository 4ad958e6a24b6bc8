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

    /// <summary>
    /// True when the answer carried the API's <c>errors[]</c> envelope; false when the text comes from the status line
    /// (a proxy's page, plain text, or an empty 404 for a path the API does not route).
    /// </summary>
    public bool FromErrorEnvelope { get; init; }

    /// <summary>The most specific human text the API gave: detail, else message, else title.</summary>
    public string Text => Detail ?? Message ?? Title ?? Code ?? "no error text";

    /// <summary>
    /// This error with every occurrence of <paramref name="secret"/> replaced by <c>[redacted]</c>: an API that quotes
    /// the request back (an "invalid key …" text) must not carry the token into conditions, Events or logs.
    /// </summary>
    public LatitudeError Without(string secret)
    {
        string? Hide(string? text) => text?.Replace(secret, "[redacted]", StringComparison.Ordinal);
        return this with { Code = Hide(Code), Status = Hide(Status), Title = Hide(Title), Detail = Hide(Detail), Message = Hide(Message), Pointer = Hide(Pointer), Parameter = Hide(Parameter) };
    }
}
