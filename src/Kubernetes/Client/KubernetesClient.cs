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

/// <summary>
/// Typed REST operations of <see cref="IKubernetesClient"/> over the KubernetesClient package's transport: its
/// HttpClient (TLS trust, client certificates, HTTP/2) and its credentials (tokens, token files, exec plugins, OIDC),
/// with our deadlines and server-certificate check applied to its sockets handler (<see cref="PackageTransport"/>). Thread-safe; share one per process.
/// </summary>
public sealed class KubernetesClient : IKubernetesClient, IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly k8s.Kubernetes _transport;
    private readonly string _server;
    private readonly string? _tlsServerName;
    private readonly Version _httpVersion;
    private readonly JsonSerializerOptions _json;
    private readonly TimeSpan _requestTimeout;

    /// <param name="configuration">From <see cref="ClusterConfig"/> (or built by hand); read once, not changed.</param>
    /// <param name="json">Options from <see cref="KubernetesJson.Create"/> that know every kind used with this client.</param>
    /// <param name="connection">Deadlines (default <see cref="ConnectionOptions.Default"/>).</param>
    /// <param name="handlers">Run before the sockets handler, outermost first; a handler that answers itself stands in for the server in tests.</param>
    public KubernetesClient(
        k8s.KubernetesClientConfiguration configuration, JsonSerializerOptions? json = null, ConnectionOptions? connection = null, params DelegatingHandler[] handlers)
    {
        var options = connection ?? ConnectionOptions.Default;
        _transport = PackageTransport.Create(configuration, options, handlers);
        _server = _transport.BaseUri.AbsoluteUri.TrimEnd('/');
        _tlsServerName = configuration.TlsServerName;
        _httpVersion = configuration.DisableHttp2 ? HttpVersion.Version11 : HttpVersion.Version20;
        _json = json ?? KubernetesJson.Default;
        _requestTimeout = options.RequestTimeout;
    }

    /// <summary>
    /// An authenticated request for a path outside the typed kinds (<c>/version</c>, <c>/readyz</c>), relative to the
    /// server; the caller owns the response. A failure status is returned, not thrown.
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        await PrepareAsync(request, cancellationToken);
        return await _transport.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        ExecuteAsync(
            new HttpRequestMessage(HttpMethod.Get, ResourceType.Of<T>().Path(@namespace, name)),
            allowNotFound: true,
            async (response, ct) => response is null ? default : await ReadAsync<T>(response, ct),
            cancellationToken);

    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        ExecuteAsync(
            new HttpRequestMessage(HttpMethod.Get, ResourceType.Of<T>().Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: false)),
            allowNotFound: false,
            (response, ct) => ReadAsync<KubernetesList<T>>(response!, ct),
            cancellationToken);

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        WriteAsync<T>(HttpMethod.Post, ResourceType.Of<T>().Path(obj.Metadata.NamespaceProperty), Body(obj), cancellationToken);

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        WriteAsync<T>(HttpMethod.Put, ResourceType.Of<T>().Path(obj.Metadata.NamespaceProperty, NameOf(obj)), Body(obj), cancellationToken);

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        WriteAsync<T>(HttpMethod.Put, ResourceType.Of<T>().Path(obj.Metadata.NamespaceProperty, NameOf(obj), "status"), Body(obj), cancellationToken);

    public Task<T> PatchAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        WriteAsync<T>(HttpMethod.Patch, ResourceType.Of<T>().Path(@namespace, name) + options?.ToQuery(), PatchBody(patch), cancellationToken);

    public Task<T> PatchStatusAsync<T>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        WriteAsync<T>(HttpMethod.Patch, ResourceType.Of<T>().Path(@namespace, name, "status") + options?.ToQuery(), PatchBody(patch), cancellationToken);

    public Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, ResourceType.Of<T>().Path(@namespace, name));
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
        where T : class, IKubernetesObject
    {
        var path = ResourceType.Of<T>().Path(@namespace) + (options ?? new ListOptions()).ToQuery(watch: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendWatchAsync(request, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new WatchStreamReader<T>(stream, _json, $"WATCH {path}");
        while (await reader.ReadAsync(cancellationToken) is { } watchEvent)
        {
            yield return watchEvent;
        }
    }

    public void Dispose() => _transport.Dispose();

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
        await PrepareAsync(request, cancellationToken);
        request.Headers.Accept.Add(Json);
        var response = await _transport.HttpClient.SendAsync(request, completion, cancellationToken);
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

    /// <summary>The server's address, HTTP/2 unless disabled (the server falls back to HTTP/1.1), the credentials, as the package's own calls.</summary>
    private async Task PrepareAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The server URL may carry a path (a proxy's, e.g. /k8s/clusters/c-1): it prefixes every API path.
        request.RequestUri = new Uri(_server + request.RequestUri!.OriginalString);
        request.Version = _httpVersion;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        if (_tlsServerName is not null)
        {
            request.Headers.Host = _tlsServerName;
        }

        if (_transport.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
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
