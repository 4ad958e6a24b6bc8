using System.Net;
using System.Text.Json;
using BucketOperator.ControlPlane;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>What the test server is, and how the client talks to it.</summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class ServerTests(ControlPlaneFixture fixture)
{
    private readonly LocalControlPlane _plane = fixture.Plane;

    [Fact]
    public async Task Server_ReportsV1_20AndServesOnlyThe1_20Apis()
    {
        using var client = _plane.CreateClient();

        using var version = JsonDocument.Parse(await GetStringAsync(client, "/version"));
        // apiextensions.k8s.io/v1beta1 was removed in 1.22; batch/v1 gained CronJob in 1.21.
        using var crdBeta = await client.SendRawAsync(HttpMethod.Get, "/apis/apiextensions.k8s.io/v1beta1");
        var batch = await GetStringAsync(client, "/apis/batch/v1");

        Assert.Equal(("1", "20"), (version.RootElement.GetProperty("major").GetString(), version.RootElement.GetProperty("minor").GetString()));
        Assert.StartsWith("v1.20.", version.RootElement.GetProperty("gitVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, crdBeta.StatusCode);
        Assert.Contains("\"jobs\"", batch, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cronjobs\"", batch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_NegotiatesHttp2_SoKeepAlivePingsWatchTheConnection()
    {
        using var client = _plane.CreateClient();

        using var response = await client.SendRawAsync(HttpMethod.Get, "/api/v1/namespaces/default");

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (response.StatusCode, response.Version));
    }

    [Fact]
    public async Task Client_WithAnotherCa_RefusesTheServer()
    {
        var (otherCa, _) = Unit.TestCertificates.SelfSigned("CN=some-other-ca");
        var configuration = _plane.Configuration();
        configuration.SslCaCerts = [System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(otherCa)];
        using var client = new Client.KubernetesClient(configuration);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ListAsync<V1ConfigMap>("default"));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
    }

    private static async Task<string> GetStringAsync(Client.KubernetesClient client, string path)
    {
        using var response = await client.SendRawAsync(HttpMethod.Get, path);
        return await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }
}
