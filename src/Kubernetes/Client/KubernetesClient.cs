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
    private readonly TimeSpan _requestTimeout;

    /// <param name="http">An HttpClient whose BaseAddress is the API server (see <see cref="KubernetesHttpClientFactory"/>).</param>
    /// <param name="json">Options from <see cref="KubernetesJson.Create"/> that know every kind used with this client.</param>
    /// <param name="requestTimeout">Deadline of every call but watches (default 30 s); a watch is bounded by its server-side timeout.</param>
    public KubernetesClient(HttpClient http, JsonSerializerOptions? json = null, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(http.BaseAddress, "http.BaseAddress");
        _http = http;
        _json = json ?? KubernetesJson.Default;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
    }

    public KubernetesClient(KubernetesClientConfiguration configuration, JsonSerializerOptions? json = null)
        : this(KubernetesHttpClientFactory.Create(configuration), json, configuration.RequestTimeout)
    {
    }

    public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        ExecuteAsync(
            new HttpRequestMessage(HttpMethod.Get, T.Resource.Path(@namespace, name)),
            allowNotFound: true,
            async (response, ct) => response is null ? default : await ReadAsync<T>(response, ct),
            cancellationToken);

    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T> =>
        ExecuteAsync(
            new HttpRequestMessage(HttpMethod.Get, T.Resource.Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: false)),
            allowNotFound: false,
            (response, ct) => ReadAsync<KubernetesList<T>>(response!, ct),
            cancellationToken);

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

    public Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, T.Resource.Path(@namespace, name));
        if (options is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(options, _json.TypeInfo<DeleteOptions>()), Encoding.UTF8, Json);
        }

        return ExecuteAsync(request, allowNotFound: true, (response, _) => Task.FromResult(response is not null), cancellationToken);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace = null,
        ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject<T>
    {
        var path = T.Resource.Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendWatchAsync(request, cancellationToken);
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

    private Task<T> WriteAsync<T>(HttpMethod method, string path, HttpContent body, CancellationToken cancellationToken) =>
        ExecuteAsync(new HttpRequestMessage(method, path) { Content = body }, allowNotFound: false, (response, ct) => ReadAsync<T>(response!, ct), cancellationToken);

    /// <summary>
    /// Sends and reads one non-watch call within the request deadline; owns (and disposes) the request.
    /// <paramref name="read"/> gets null when <paramref name="allowNotFound"/> and the object does not exist.
    /// </summary>
    private async Task<TResult> ExecuteAsync<TResult>(
        HttpRequestMessage request, bool allowNotFound, Func<HttpResponseMessage?, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_requestTimeout);
            try
            {
                using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound, deadline.Token);
                return await read(response, deadline.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{request.Method} {request.RequestUri}: no answer within {_requestTimeout.TotalSeconds:0.#} s", e);
            }
        }
    }

    /// <summary>The headers of a watch must come within the request deadline; the stream then runs on without one.</summary>
    private async Task<HttpResponseMessage> SendWatchAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(_requestTimeout);
        try
        {
            return (await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, allowNotFound: false, headers.Token))!;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"WATCH {request.RequestUri}: no response headers within {_requestTimeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <summary>The successful response; null for a missing object when <paramref name="allowNotFound"/> (a 404 for an unserved type still throws).</summary>
    private async Task<HttpResponseMessage?> SendAsync(
        HttpRequestMessage request, HttpCompletionOption completion, bool allowNotFound, CancellationToken cancellationToken)
    {
        // HttpClient applies its default version only to the requests it builds itself.
        request.Version = _http.DefaultRequestVersion;
        request.VersionPolicy = _http.DefaultVersionPolicy;
        request.Headers.Accept.Add(Json);
        var response = await _http.SendAsync(request, completion, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ApiStatus.ErrorAsync($"{request.Method} {request.RequestUri}", response, _json, cancellationToken);
            return allowNotFound && error.IsNotFound ? null : throw error;
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
