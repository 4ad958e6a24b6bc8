using System.Text.Json;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Kubernetes.Client;

/// <summary>Turns a failed HTTP response into the server's <see cref="V1Status"/>, even when the body is not one.</summary>
internal static class ApiStatus
{
    private const int MaxQuotedBody = 512;

    /// <summary>The error of a failed call, with the Retry-After header (seconds or a date) when there is one.</summary>
    public static async Task<KubernetesApiException> ErrorAsync(string operation, HttpResponseMessage response, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var status = await ReadAsync(response, json, cancellationToken);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow),
            _ => (TimeSpan?)null,
        };
        return new KubernetesApiException(operation, status, retryAfter > TimeSpan.Zero ? retryAfter : null);
    }

    public static async Task<V1Status> ReadAsync(HttpResponseMessage response, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var status = JsonSerializer.Deserialize(body, json.TypeInfo<V1Status>());
            if (status is { Kind: "Status" })
            {
                return status.Code is null or 0 ? status with { Code = (int)response.StatusCode } : status;
            }
        }
        catch (JsonException)
        {
            // Proxies and some auth failures answer in plain text; fall through and keep the text.
        }

        var quoted = body.Length > MaxQuotedBody ? body[..MaxQuotedBody] + "…" : body;
        return new V1Status
        {
            Code = (int)response.StatusCode,
            Reason = response.ReasonPhrase,
            Message = quoted.Trim(),
            Status = "Failure",
        };
    }
}
