using BucketOperator.Latitude.Simulator;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>A raw HTTP view of a simulator, for asserting on exact response bodies.</summary>
internal static class Raw
{
    public static async Task<(int Status, string Body)> SendAsync(LatitudeSimulator simulator, HttpMethod method, string path, string token, string? body = null)
    {
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/vnd.api+json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string Bucket(string name, string region = "DAL", string project = "proj_6059EqYkOQj8p", string extra = "") =>
        Document("objects", $"\"project\":\"{project}\",\"name\":\"{name}\",\"region\":\"{region}\"{extra}");

    public static string Key(string project, string storageClass, string region, string scope = "fullaccess", string permissions = "") =>
        Document("access_keys", $"\"project\":\"{project}\",\"storage_class\":\"{storageClass}\",\"name\":\"k1\",\"access_scope\":\"{scope}\",\"region\":\"{region}\"{permissions}");

    private static string Document(string type, string attributes) => "{\"data\":{\"type\":\"" + type + "\",\"attributes\":{" + attributes + "}}}";
}
