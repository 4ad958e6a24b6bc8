using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>Client behaviour that a healthy API server never shows: hangs, proxies' error pages.</summary>
public sealed class KubernetesClientTests
{
    [Fact]
    public async Task Get_ServerNeverAnswers_TimesOutNamingTheCall()
    {
        using var client = Client(new ScriptedHttpHandler().Hang(), TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync<V1ConfigMap>("c", "ns"));

        Assert.Contains("GET https://k8s.test/api/v1/namespaces/ns/configmaps/c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CallerCancels_IsCancellationNotTimeout()
    {
        using var client = Client(new ScriptedHttpHandler().Hang(), TimeSpan.FromMinutes(1));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<V1ConfigMap>("c", "ns", cancel.Token));
    }

    [Fact]
    public async Task Error_WithPlainTextBody_KeepsStatusCodeAndText()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.BadGateway, "upstream connect error"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<V1ConfigMap>("ns"));

        Assert.Equal((502, "upstream connect error"), (error.Status.Code, error.Status.Message));
        Assert.StartsWith("GET https://k8s.test/api/v1/namespaces/ns/configmaps", error.Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MalformedObject_FailsWithTheCallAndType()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, """{"metadata": 42}"""));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.GetAsync<V1ConfigMap>("c", "ns"));

        Assert.Contains("could not read V1ConfigMap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ResourceTypeNotServed_ThrowsRatherThanReportingAbsence()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, NotServed));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<V1ConfigMap>("c", "ns"));

        Assert.Equal((404, true, false), (error.Status.Code, error.IsResourceNotServed, error.IsNotFound));
    }

    [Fact]
    public async Task Delete_ResourceTypeNotServed_ThrowsRatherThanReportingAbsence()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, "404 page not found"));

        await Assert.ThrowsAsync<KubernetesApiException>(() => client.DeleteAsync<V1ConfigMap>("c", "ns"));
    }

    [Fact]
    public async Task Get_ObjectMissing_ReturnsNull()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.NotFound, ObjectMissing));

        Assert.Null(await client.GetAsync<V1ConfigMap>("c", "ns"));
    }

    [Fact]
    public async Task Error_TooManyRequestsWithRetryAfterHeader_SurfacesTheDelay()
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = "7" };
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.TooManyRequests, """{"kind":"Status","code":429,"reason":"TooManyRequests"}""", headers));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<V1ConfigMap>("ns"));

        Assert.Equal((true, TimeSpan.FromSeconds(7)), (error.IsTooManyRequests, error.RetryAfter));
    }

    [Theory]
    [InlineData(401, "Unauthorized", null, "Unauthorized")]
    [InlineData(403, "Forbidden", null, "Forbidden")]
    [InlineData(429, "TooManyRequests", null, "TooManyRequests")]
    [InlineData(504, "Timeout", null, "ServerTimeout")]
    [InlineData(500, "ServerTimeout", null, "ServerTimeout")]
    [InlineData(404, "NotFound", "c", "NotFound")]
    [InlineData(404, "NotFound", null, "ResourceNotServed")]
    [InlineData(500, "InternalError", null, "")]
    public void Exception_StatusCodeAndReason_SetExactlyOneKind(int code, string reason, string? detailsName, string expected)
    {
        var error = new KubernetesApiException("GET /x", new V1Status { Code = code, Reason = reason, Details = detailsName is null ? null : new V1StatusDetails { Name = detailsName } });

        var kinds = new Dictionary<string, bool>
        {
            ["Unauthorized"] = error.IsUnauthorized,
            ["Forbidden"] = error.IsForbidden,
            ["TooManyRequests"] = error.IsTooManyRequests,
            ["ServerTimeout"] = error.IsServerTimeout,
            ["NotFound"] = error.IsNotFound,
            ["ResourceNotServed"] = error.IsResourceNotServed,
        };

        Assert.Equal(expected, string.Join(',', kinds.Where(k => k.Value).Select(k => k.Key)));
    }

    [Fact]
    public void Exception_RetryAfterSecondsInDetails_IsTheRetryAfter() =>
        Assert.Equal(TimeSpan.FromSeconds(3), new KubernetesApiException("GET /x", new V1Status { Code = 429, Details = new V1StatusDetails { RetryAfterSeconds = 3 } }).RetryAfter);

    [Fact]
    public async Task Server_WithAPathAndAToken_PrefixesEveryCallAndSendsTheToken_LeavingTheConfigurationAsItWas()
    {
        var stub = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, """{"metadata":{"name":"c"}}""");
        var (caPem, _) = TestCertificates.SelfSigned("CN=ca");
        X509Certificate2Collection roots = [X509Certificate2.CreateFromPem(caPem)];
        // A proxy's address, as Rancher gives: the API lives under a path.
        var configuration = new k8s.KubernetesClientConfiguration { Host = "https://k8s.test/k8s/clusters/c-1/", AccessToken = "t0k3n", SslCaCerts = roots };
        using var client = new KubernetesClient(configuration, handlers: stub);

        await client.GetAsync<V1ConfigMap>("c", "ns");

        var sent = Assert.Single(stub.Requests);
        Assert.Equal(("/k8s/clusters/c-1/api/v1/namespaces/ns/configmaps/c", "Bearer t0k3n"), (sent.PathAndQuery, sent.Authorization));
        Assert.Same(roots, configuration.SslCaCerts);
    }

    [Fact]
    public async Task TokenProvider_ManyRequestsAtOnce_AskedOneAtATime()
    {
        var stub = new ScriptedHttpHandler();
        for (var i = 0; i < 8; i++)
        {
            stub.Respond(HttpStatusCode.OK, """{"metadata":{"name":"c"}}""");
        }

        var provider = new SlowTokenProvider();
        var configuration = new k8s.KubernetesClientConfiguration { Host = "https://k8s.test", TokenProvider = provider };
        using var client = new KubernetesClient(configuration, handlers: stub);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync<V1ConfigMap>("c", "ns")));

        Assert.Equal((8, 1), (provider.Calls, provider.MostAtOnce));
        Assert.All(stub.Requests, r => Assert.Equal("Bearer slow", r.Authorization));
        Assert.Same(provider, configuration.TokenProvider);
    }

    private const string NotServed =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""";

    private const string ObjectMissing =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"c\" not found","reason":"NotFound","details":{"name":"c","kind":"configmaps"},"code":404}""";

    private static KubernetesClient Client(ScriptedHttpHandler stub, TimeSpan? timeout = null) =>
        new(new k8s.KubernetesClientConfiguration { Host = "https://k8s.test" }, connection: new ConnectionOptions { RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) }, handlers: stub);

    /// <summary>Takes a while to answer, as an exec plugin does, and counts how many callers were inside at once.</summary>
    private sealed class SlowTokenProvider : k8s.Authentication.ITokenProvider
    {
        private int _inside;

        public int Calls { get; private set; }

        public int MostAtOnce { get; private set; }

        public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inside);
            lock (this)
            {
                Calls++;
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            Interlocked.Decrement(ref _inside);
            return new AuthenticationHeaderValue("Bearer", "slow");
        }
    }
}
