using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Api;

internal static class JsonApi
{
    public const string ContentType = "application/vnd.api+json";

    // Usernames such as "team+key@…" read as the API writes them, not as \u002B escapes.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body is rendered once, here: cached results can then be sent by many requests at a time.</summary>
    public static IResult Result(int status, JsonObject body) => Results.Text(body.ToJsonString(Output), ContentType, statusCode: status);

    public static IResult Data(int status, JsonNode data) => Result(status, new JsonObject { ["data"] = data });

    /// <summary>The request's <c>data.attributes</c>, or null when the body is not a JSON:API document of <paramref name="type"/>.</summary>
    public static async Task<JsonObject?> ReadAttributesAsync(HttpRequest request, string type)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body);
            var data = node?["data"];
            return data?["type"]?.GetValue<string>() == type ? data["attributes"] as JsonObject : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string? String(this JsonObject attributes, string name) =>
        attributes[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(this JsonObject attributes, string name) =>
        attributes[name] is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    public static long? Long(this JsonObject attributes, string name) =>
        attributes[name] is JsonValue value && value.TryGetValue<long>(out var l) ? l : null;
}
