using BucketOperator.Latitude.Errors;

namespace BucketOperator.Latitude;

/// <summary>
/// The method the API routes lifecycle-rule updates with. The sources disagree (object-storage.md §6 and §11.15:
/// PATCH in the newest spec, PUT in the Python SDK's docs), so a client sends what this says (PATCH at first) and,
/// when the API answers that the route is not there, switches it to the other method and sends that. One instance
/// serves every client of a <see cref="LatitudeClientFactory"/>: the route is the API's, not a token's, and the
/// operator makes a client per reconcile, which would otherwise pay the wrong method's write again each time.
/// </summary>
internal sealed class LifecycleRuleUpdateRoute
{
    private volatile HttpMethod _method = HttpMethod.Patch;

    public HttpMethod Method => _method;

    /// <summary>
    /// A 405, or a 404 without the API's error envelope: the method is not routed. The API's own 404 for a missing
    /// rule or bucket carries <c>not_found</c>, and is an answer, not a reason to switch.
    /// </summary>
    public static bool IsUnrouted(LatitudeApiException answer) =>
        answer.HttpStatus == 405 || (answer.HttpStatus == 404 && !answer.Error.FromErrorEnvelope);

    /// <summary>Uses the other method from now on (the answer to <paramref name="tried"/> proved it unrouted) and returns it.</summary>
    public HttpMethod SwitchFrom(HttpMethod tried)
    {
        var other = tried == HttpMethod.Patch ? HttpMethod.Put : HttpMethod.Patch;
        _method = other;
        return other;
    }
}
