using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Kubernetes.Watch;

namespace BucketOperator.Kubernetes.Client;

/// <summary>HTTP implementation of <see cref="IKubernetesClient"/>. Thread-safe; share one per process.</summary>
public sealed class KubernetesClient : IKubernetesClient, IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly JsonSerializerOptions _json;

    /// <param name="http">An HttpClient whose BaseAddress is the API server (see <see cref="KubernetesHttpClientFactory"/>).</param>
    /// <param name="json">Options from <see cref="KubernetesJson.Create"/> that know every kind used with this client.</param>
    public KubernetesClient(HttpClient http, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(http.BaseAddress, "http.BaseAddress");
        _http = http;
        _json = json ?? KubernetesJson.Default;
    }

    public KubernetesClient(KubernetesClientConfiguration configuration, JsonSerializerOptions? json = null)
        : this(KubernetesHttpClientFactory.Create(configuration), json)
    {
    }

    public async Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, T.Resource.Path(@namespace, name));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound: true, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? default : await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        var path = T.Resource.Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound: false, cancellationToken);
        return await ReadAsync<KubernetesList<T>>(response, cancellationToken);
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        WriteAsync<T>(HttpMethod.Post, T.Resource.Path(obj.Metadata.Namespace), Body(obj), cancellationToken);

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        WriteAsync<T>(HttpMethod.Put, T.Resource.Path(obj.Metadata.Namespace, NameOf(obj)), Body(obj), cancellationToken);

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        WriteAsync<T>(HttpMethod.Put, T.Resource.Path(obj.Metadata.Namespace, NameOf(obj), "status"), Body(obj), cancellationToken);

    public Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        WriteAsync<T>(HttpMethod.Patch, T.Resource.Path(@namespace, name) + options?.ToQuery(), PatchBody(patch), cancellationToken);

    public Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        WriteAsync<T>(HttpMethod.Patch, T.Resource.Path(@namespace, name, "status") + options?.ToQuery(), PatchBody(patch), cancellationToken);

    public async Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, T.Resource.Path(@namespace, name));
        if (options is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(options, _json.TypeInfo<DeleteOptions>()), Encoding.UTF8, Json);
        }

        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound: true, cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace = null,
        ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        var path = T.Resource.Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, allowNotFound: false, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new WatchStreamReader<T>(stream, _json, $"WATCH {path}");
        while (await reader.ReadAsync(cancellationToken) is { } watchEvent)
        {
            yield return watchEvent;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string NameOf(IKubernetesObject obj) =>
        obj.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(obj));

    private static StringContent PatchBody(Patch patch) =>
        new(patch.Body, Encoding.UTF8, MediaTypeHeaderValue.Parse(patch.ContentType));

    private StringContent Body<T>(T obj) => new(JsonSerializer.Serialize(obj, _json.TypeInfo<T>()), Encoding.UTF8, Json);

    private async Task<T> WriteAsync<T>(HttpMethod method, string path, HttpContent body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound: false, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpCompletionOption completion, bool allowNotFound, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(Json);
        var response = await _http.SendAsync(request, completion, cancellationToken);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var status = await ApiStatus.ReadAsync(response, _json, cancellationToken);
            throw new KubernetesApiException($"{request.Method} {request.RequestUri}", status);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, _json.TypeInfo<T>(), cancellationToken)
                ?? throw new JsonException("the body was the JSON literal null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: could not read {typeof(T).Name} from the response: {e.Message}", e);
        }
    }
}
