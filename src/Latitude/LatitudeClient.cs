using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.RateLimiting;
using BucketOperator.Latitude.Serialization;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude;

/// <summary>
/// <see cref="ILatitudeClient"/> over HTTP for one token. Every request first takes a slot from the
/// token's shared <see cref="TokenRateLimiter"/>, waiting at most <see cref="LatitudeClientOptions.MaxBudgetWait"/>
/// (longer: <see cref="RateBudgetExhaustedException"/>, nothing sent); a 429 pauses that budget for <c>meta.retry_after</c>.
/// </summary>
public sealed partial class LatitudeClient(
    HttpClient http, string token, TokenRateLimiter limiter, LatitudeClientOptions options, TimeProvider time, ILogger logger) : ILatitudeClient
{
    private const string JsonApi = "application/vnd.api+json";
    private static readonly MediaTypeWithQualityHeaderValue AcceptJsonApi = new(JsonApi);
    private readonly LifecycleRuleUpdateRoute _ruleUpdate = new();

    /// <param name="ruleUpdate">The update method learnt so far, shared by the factory's clients (see <see cref="LifecycleRuleUpdateRoute"/>).</param>
    internal LatitudeClient(HttpClient http, string token, TokenRateLimiter limiter, LatitudeClientOptions options, TimeProvider time, ILogger logger, LifecycleRuleUpdateRoute ruleUpdate)
        : this(http, token, limiter, options, time, logger) => _ruleUpdate = ruleUpdate;

    public async Task<IReadOnlyList<Bucket>> ListBucketsAsync(string? project, CancellationToken cancellationToken = default)
    {
        var query = project is null ? "" : "?filter[project]=" + Uri.EscapeDataString(project);
        var document = await SendAsync(HttpMethod.Get, "/storage/buckets" + query, null, LatitudeJsonContext.Default.DocumentListResourceBucketAttributes, cancellationToken);
        return Read(HttpMethod.Get, "/storage/buckets", () => (document!.Data ?? []).Select(ResponseReader.ToBucket).ToList());
    }

    public async Task<Bucket?> GetBucketAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = "/storage/buckets/" + Uri.EscapeDataString(id);
        try
        {
            var document = await SendAsync(HttpMethod.Get, path, null, LatitudeJsonContext.Default.DocumentResourceBucketAttributes, cancellationToken);
            return Read(HttpMethod.Get, path, () => ResponseReader.ToBucket(document!.Data));
        }
        catch (LatitudeApiException e) when (e.Kind == LatitudeErrorKind.NotFound)
        {
            return null;
        }
    }

    public async Task<Bucket> CreateBucketAsync(CreateBucketRequest request, CancellationToken cancellationToken = default)
    {
        var body = new Document<NewResource<CreateBucketAttributes>>(new("objects", new CreateBucketAttributes(
            request.Project, request.Name, request.Region, request.Scoped, request.Customer, request.StorageClass,
            request.Versioning, request.Locking, request.RetentionMode, request.RetentionPeriod)));
        var content = Json(body, LatitudeJsonContext.Default.DocumentNewResourceCreateBucketAttributes);
        var document = await SendAsync(HttpMethod.Post, "/storage/buckets", content, LatitudeJsonContext.Default.DocumentResourceBucketAttributes, cancellationToken);
        return Read(HttpMethod.Post, "/storage/buckets", () => ResponseReader.ToBucket(document!.Data));
    }

    public async Task<bool> DeleteBucketAsync(string id, CancellationToken cancellationToken = default) =>
        await DeleteAsync("/storage/buckets/" + Uri.EscapeDataString(id), cancellationToken);

    public async Task<CreatedAccessKey> CreateAccessKeyAsync(CreateAccessKeyRequest request, CancellationToken cancellationToken = default)
    {
        var permissions = request.BucketPermissions?.Select(p => new BucketPermissionAttributes(p.BucketId, p.Permission)).ToList();
        var body = new Document<NewResource<CreateAccessKeyAttributes>>(new("access_keys", new CreateAccessKeyAttributes(
            request.Project, request.StorageClass, request.Name, request.AccessScope, request.Region, permissions)));
        var content = Json(body, LatitudeJsonContext.Default.DocumentNewResourceCreateAccessKeyAttributes);
        var document = await SendAsync(HttpMethod.Post, "/storage/access_keys", content, LatitudeJsonContext.Default.DocumentJsonElement, cancellationToken);
        return Read(HttpMethod.Post, "/storage/access_keys", () => ResponseReader.ToCreatedAccessKey(document!.Data, request.StorageClass, request.Region));
    }

    public async Task<IReadOnlyList<AccessKey>> ListAccessKeysAsync(string project, CancellationToken cancellationToken = default)
    {
        var path = "/storage/access_keys?project=" + Uri.EscapeDataString(project);
        var document = await SendAsync(HttpMethod.Get, path, null, LatitudeJsonContext.Default.DocumentJsonElement, cancellationToken);
        return Read(HttpMethod.Get, path, () => ResponseReader.ToAccessKeys(document!.Data));
    }

    public Task<bool> DeleteAccessKeyAsync(string username, string storageClass, string project, string? region = null, CancellationToken cancellationToken = default)
    {
        // Standard usernames contain '+' and '@': escaped, not sent raw.
        var path = $"/storage/access_keys/{Uri.EscapeDataString(username)}/{Uri.EscapeDataString(storageClass)}?project={Uri.EscapeDataString(project)}";
        if (region is not null)
        {
            path += "&region=" + Uri.EscapeDataString(region);
        }

        return DeleteAsync(path, cancellationToken);
    }

    public async Task<BucketUsage?> GetBucketUsageAsync(string project, string bucketId, CancellationToken cancellationToken = default)
    {
        var path = $"/storage/usage?filter[project]={Uri.EscapeDataString(project)}&filter[storage_id]={Uri.EscapeDataString(bucketId)}";
        var document = await SendAsync(HttpMethod.Get, path, null, LatitudeJsonContext.Default.DocumentListResourceStorageUsageAttributes, cancellationToken);
        return Read(HttpMethod.Get, path, () => ResponseReader.ToLatestUsage(document!.Data, bucketId));
    }

    private static string Json<T>(T body, JsonTypeInfo<T> info) => JsonSerializer.Serialize(body, info);

    /// <summary>A fresh content per exchange: disposing a request disposes its content, and PATCH and PUT are retried.</summary>
    private static StringContent? Content(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonApi);
        return content;
    }

    /// <summary>
    /// Runs the model mapping of a 2xx answer; a response missing what it must carry becomes a MalformedResponse
    /// error. After a write the write happened (the answer was 2xx): see <see cref="Malformed"/>.
    /// </summary>
    private static T Read<T>(HttpMethod method, string path, Func<T> map)
    {
        try
        {
            return map();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException)
        {
            throw Malformed(method, path, 200, "unexpected response: " + e.Message, e);
        }
    }

    /// <summary>
    /// A 2xx the client cannot use. For a write the API did act, so the outcome is unknown rather than failed:
    /// sending it again would create a second key, or meet our own bucket as a 409.
    /// </summary>
    private static LatitudeApiException Malformed(HttpMethod method, string path, int status, string detail, Exception inner) =>
        new($"{method.Method} {path}", status, LatitudeErrorKind.MalformedResponse, new LatitudeError { Detail = detail }, outcomeUnknown: method != HttpMethod.Get, inner);

    private async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<object>(HttpMethod.Delete, path, null, null, cancellationToken);
            return true;
        }
        catch (LatitudeApiException e) when (e.Kind == LatitudeErrorKind.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends with the rate limit and, for idempotent methods, retries transient failures. A POST is never
    /// retried: the API has no idempotency key, so a POST whose answer was lost may already have created
    /// the bucket or key, and sending it again would create a second key or meet our own bucket as a 409.
    /// The caller instead lists (buckets by name, keys by name) and adopts what it finds.
    /// </summary>
    private async Task<T?> SendAsync<T>(HttpMethod method, string path, string? json, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
    {
        var idempotent = method != HttpMethod.Post;
        var maxAttempts = idempotent ? options.MaxAttempts : 1;
        var budget = limiter.For(method);
        for (var attempt = 1; ; attempt++)
        {
            var asked = time.GetTimestamp();
            await budget.AcquireAsync(options.MaxBudgetWait, cancellationToken);
            var waited = time.GetElapsedTime(asked);
            var budgetClass = method == HttpMethod.Get ? "read" : "write";
            if (waited >= TimeSpan.FromMilliseconds(1))
            {
                Log.WaitedForBudget(logger, method.Method, path, (long)waited.TotalMilliseconds);
                LatitudeMetrics.WaitedForBudget(budgetClass, waited);
            }

            try
            {
                return await ExchangeAsync(method, path, json, responseType, attempt, cancellationToken);
            }
            catch (LatitudeApiException e) when (e.IsTransient && e.Kind != LatitudeErrorKind.MalformedResponse)
            {
                if (e.Kind == LatitudeErrorKind.RateLimited)
                {
                    var pause = e.RetryAfter ?? options.InitialBackoff;
                    Log.RateLimited(logger, method.Method, path, budgetClass, pause.TotalSeconds);
                    LatitudeMetrics.WasRateLimited(budgetClass);
                    budget.PauseFor(pause);
                }

                if (attempt >= maxAttempts)
                {
                    throw;
                }

                if (e.Kind == LatitudeErrorKind.RateLimited)
                {
                    // The paused budget is the wait: the next try waits it out or is handed back to the caller.
                    continue;
                }

                var delay = Backoff(attempt);
                Log.Retrying(logger, method.Method, path, attempt, maxAttempts, (long)delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private async Task<T?> ExchangeAsync<T>(HttpMethod method, string path, string? json, JsonTypeInfo<T>? responseType, int attempt, CancellationToken cancellationToken)
    {
        var operation = $"{method.Method} {path}";
        using var request = new HttpRequestMessage(method, path) { Content = Content(json) };
        request.Headers.Accept.Add(AcceptJsonApi);
        // The SDKs send the token verbatim; a token configured as "Bearer …" passes through unchanged.
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var deadline = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException)
        {
            LatitudeMetrics.Answered(method, path, null, Stopwatch.GetElapsedTime(started));
            var what = e is OperationCanceledException ? $"no answer within {options.RequestTimeout.TotalSeconds:0} s" : $"connection failed: {e.Message}";
            throw new LatitudeApiException(operation, 0, LatitudeErrorKind.ProviderError, new LatitudeError { Detail = what }, outcomeUnknown: method != HttpMethod.Get, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.Answered(logger, method.Method, path, status, (long)elapsed.TotalMilliseconds, attempt);
            LatitudeMetrics.Answered(method, path, status, elapsed);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = CapRetryAfter(method, path, ParseError(body, response).Without(token));
                var kind = ErrorClassifier.Classify(status, error.Code);
                // A 5xx or 408 may come after the API acted (or from a proxy that gave up while it was acting).
                throw new LatitudeApiException(operation, status, kind, error, outcomeUnknown: method != HttpMethod.Get && (status >= 500 || status == 408));
            }

            if (responseType is null)
            {
                return default;
            }

            try
            {
                return JsonSerializer.Deserialize(body, responseType) ?? throw new JsonException("the body is the JSON literal null");
            }
            catch (JsonException e)
            {
                throw Malformed(method, path, status, $"unreadable response body: {e.Message}", e);
            }
        }
    }

    private static LatitudeError ParseError(string body, HttpResponseMessage response)
    {
        LatitudeError? error = null;
        try
        {
            var document = JsonSerializer.Deserialize(body, LatitudeJsonContext.Default.ErrorDocument);
            error = document?.Errors is { Count: > 0 } errors ? ResponseReader.ToError(errors[0]) : null;
        }
        catch (JsonException)
        {
            // Not the JSON:API error shape (a proxy page, plain text): described below from the status line.
        }

        error ??= new LatitudeError { Status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), Detail = response.ReasonPhrase };
        if (error.RetryAfter is null && response.Headers.RetryAfter?.Delta is { } header)
        {
            error = error with { RetryAfter = header };
        }

        return error;
    }

    /// <summary>A 429 may ask for any wait; more than <see cref="LatitudeClientOptions.MaxRetryAfter"/> would stall the token's budget.</summary>
    private LatitudeError CapRetryAfter(HttpMethod method, string path, LatitudeError error)
    {
        if (error.RetryAfter is not { } asked || asked <= options.MaxRetryAfter)
        {
            return error;
        }

        Log.RetryAfterCapped(logger, method.Method, path, asked.TotalSeconds, options.MaxRetryAfter.TotalSeconds);
        return error with { RetryAfter = options.MaxRetryAfter };
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        // Half fixed, half random: spreads workers that failed together without ever retrying at once.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
