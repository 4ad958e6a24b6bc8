using System.Net;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>Client behaviour that a healthy API server never shows: hangs, proxies' error pages.</summary>
public sealed class KubernetesClientTests
{
    [Fact]
    public async Task Get_ServerNeverAnswers_TimesOutNamingTheCall()
    {
        using var client = Client(new ScriptedHttpHandler().Hang(), TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync<ConfigMap>("c", "ns"));

        Assert.Contains("GET https://k8s.test/api/v1/namespaces/ns/configmaps/c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CallerCancels_IsCancellationNotTimeout()
    {
        using var client = Client(new ScriptedHttpHandler().Hang(), TimeSpan.FromMinutes(1));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<ConfigMap>("c", "ns", cancel.Token));
    }

    [Fact]
    public async Task Error_WithPlainTextBody_KeepsStatusCodeAndText()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.BadGateway, "upstream connect error"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<ConfigMap>("ns"));

        Assert.Equal((502, "upstream connect error"), (error.Status.Code, error.Status.Message));
        Assert.StartsWith("GET https://k8s.test/api/v1/namespaces/ns/configmaps", error.Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MalformedObject_FailsWithTheCallAndType()
    {
        using var client = Client(new ScriptedHttpHandler().Respond(HttpStatusCode.OK, """{"metadata": 42}"""));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.GetAsync<ConfigMap>("c", "ns"));

        Assert.Contains("could not read ConfigMap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFile_IsReReadAfterAMinute()
    {
        var tokenFile = Path.GetTempFileName();
        File.WriteAllText(tokenFile, "first\n");
        var stub = new ScriptedHttpHandler();
        for (var i = 0; i < 3; i++)
        {
            stub.Respond(HttpStatusCode.OK, """{"metadata":{"name":"c"}}""");
        }

        var time = new FakeTimeProvider();
        var configuration = new KubernetesClientConfiguration { Server = new Uri("https://k8s.test"), TokenFile = tokenFile };
        using var client = new KubernetesClient(KubernetesHttpClientFactory.Create(configuration, time, stub));
        try
        {
            await client.GetAsync<ConfigMap>("c", "ns");
            File.WriteAllText(tokenFile, "rotated");
            await client.GetAsync<ConfigMap>("c", "ns");
            time.Advance(TimeSpan.FromMinutes(1));
            await client.GetAsync<ConfigMap>("c", "ns");
        }
        finally
        {
            File.Delete(tokenFile);
        }

        Assert.Equal(["Bearer first", "Bearer first", "Bearer rotated"], stub.Requests.Select(r => r.Authorization));
    }

    private static KubernetesClient Client(ScriptedHttpHandler stub, TimeSpan? timeout = null) =>
        new(new HttpClient(stub) { BaseAddress = new Uri("https://k8s.test") }, requestTimeout: timeout);
}
