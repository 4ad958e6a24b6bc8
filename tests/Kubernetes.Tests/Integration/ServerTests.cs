using System.Net;
using System.Text.Json;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models.Core;
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
        using var http = KubernetesHttpClientFactory.Create(_plane.Configuration());

        using var version = JsonDocument.Parse(await http.GetStringAsync(new Uri("/version", UriKind.Relative)));
        // apiextensions.k8s.io/v1beta1 was removed in 1.22; batch/v1 gained CronJob in 1.21.
        using var crdBeta = await http.GetAsync(new Uri("/apis/apiextensions.k8s.io/v1beta1", UriKind.Relative));
        var batch = await http.GetStringAsync(new Uri("/apis/batch/v1", UriKind.Relative));

        Assert.Equal(("1", "20"), (version.RootElement.GetProperty("major").GetString(), version.RootElement.GetProperty("minor").GetString()));
        Assert.StartsWith("v1.20.", version.RootElement.GetProperty("gitVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, crdBeta.StatusCode);
        Assert.Contains("\"jobs\"", batch, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cronjobs\"", batch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_NegotiatesHttp2_SoKeepAlivePingsWatchTheConnection()
    {
        using var http = KubernetesHttpClientFactory.Create(_plane.Configuration());

        using var response = await http.GetAsync(new Uri("/api/v1/namespaces/default", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (response.StatusCode, response.Version));
    }

    [Fact]
    public async Task Client_WithAnotherCa_RefusesTheServer()
    {
        var (otherCa, _) = Unit.TestCertificates.SelfSigned("CN=some-other-ca");
        using var client = new Client.KubernetesClient(_plane.Configuration() with { CertificateAuthority = Certificates.FromPem(otherCa) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ListAsync<ConfigMap>("default"));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
    }
}
