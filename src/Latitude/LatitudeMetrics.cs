using System.Diagnostics.Metrics;

namespace BucketOperator.Latitude;

/// <summary>
/// The client's instruments, on meter <see cref="MeterName"/>. Requests are tagged with the endpoint's route
/// (ids replaced by <c>{id}</c>, query dropped), never the raw path, so the series stay few.
/// </summary>
public static class LatitudeMetrics
{
    public const string MeterName = "BucketOperator.Latitude";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "latitude_operator_latitude_requests_total", description: "Latitude API requests by method, endpoint and HTTP status (code=\"none\": no answer).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "latitude_operator_latitude_request_duration_seconds", "s", "Time from sending a Latitude API request to its answer's headers.");

    private static readonly Counter<long> BudgetWaits = Meter.CreateCounter<long>(
        "latitude_operator_latitude_rate_limit_waits_total", description: "Requests that waited for the token's client-side rate-limit budget, by class (read, write).");

    private static readonly Counter<double> BudgetWaitSeconds = Meter.CreateCounter<double>(
        "latitude_operator_latitude_rate_limit_wait_seconds_total", "s", "Time requests spent waiting for the token's rate-limit budget, by class.");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "latitude_operator_latitude_rate_limited_total", description: "429 answers from the Latitude API, by class; each pauses that class for the token.");

    internal static void Answered(HttpMethod method, string path, int? status, TimeSpan elapsed)
    {
        var endpoint = Endpoint(path);
        Requests.Add(1, new("method", method.Method), new("endpoint", endpoint), new("code", status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
        Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method.Method), new("endpoint", endpoint));
    }

    internal static void WaitedForBudget(string @class, TimeSpan waited)
    {
        BudgetWaits.Add(1, new KeyValuePair<string, object?>("class", @class));
        BudgetWaitSeconds.Add(waited.TotalSeconds, new KeyValuePair<string, object?>("class", @class));
    }

    internal static void WasRateLimited(string @class) => RateLimited.Add(1, new KeyValuePair<string, object?>("class", @class));

    /// <summary>
    /// <c>/storage/buckets/abc?x=1</c> → <c>/storage/buckets/{id}</c>: collections are kept (a bucket's
    /// <c>lifecycle_rules</c> too), what names one member is not.
    /// </summary>
    internal static string Endpoint(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', segments.Select((segment, i) => i < 2 || (i == 3 && segment is "lifecycle_rules" or "access_keys" or "metrics") ? segment : "{id}"));
    }
}
