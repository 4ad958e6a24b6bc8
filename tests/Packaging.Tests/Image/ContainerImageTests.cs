using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Packaging.Tests.Image;

/// <summary>
/// The image built from the Dockerfile (hack/image.sh), run as config/manager runs it, against the real API server
/// as the operator's service account and the Latitude simulator: what a cluster would run, minus the kubelet.
/// Prints the image size and how fast and small the operator is in it.
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
[SupportedOSPlatform("linux")]
public sealed class ContainerImageTests(ControlPlaneFixture fixture, OperatorImage image, ITestOutputHelper output) : IClassFixture<OperatorImage>, IAsyncLifetime
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("latitude-operator-container-");
    private readonly KubernetesClient _admin = fixture.Plane.CreateClient(KubernetesJson.Create(EntitiesJsonContext.Default));
    private readonly int _healthPort = FreePort.Next();
    private readonly int _metricsPort = FreePort.Next();
    private LatitudeSimulator? _simulator;
    private OperatorContainer? _container;
    private string _namespace = "";
    private string _serviceAccountToken = "";
    private string _tokenFile = "";

    public async Task InitializeAsync()
    {
        _serviceAccountToken = (await OperatorInstallation.InstallAsync(fixture.Plane)).AccessToken!;
        _tokenFile = WriteReadable("latitude-token", SimulatorSeed.Token);
        _simulator = await LatitudeSimulator.StartAsync(new SimulatorOptions { S3 = new S3ServerOptions() });
        _namespace = (await _admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "image-" } })).Metadata.Name!;
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await _admin.DeleteAsync<V1Namespace>(_namespace);
        _admin.Dispose();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task Container_ProvisionsAnObjectBucket_ThenExitsZeroOnSigterm()
    {
        var started = Stopwatch.StartNew();
        var container = await StartContainerAsync(ClusterAccess.Kubeconfig(WriteReadable("kubeconfig", OperatorInstallation.Kubeconfig(fixture.Plane, _serviceAccountToken))));
        var startedAt = DateTimeOffset.UtcNow - started.Elapsed;
        await _admin.CreateAsync(new ObjectBucket { Metadata = new V1ObjectMeta { Name = "assets", NamespaceProperty = _namespace }, Spec = new ObjectBucketSpec { Region = "DAL" } });

        await WaitUntilAvailableAsync("assets", container);
        var toAvailable = started.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleResident = await container.ResidentBytesAsync();
        var logs = await container.LogsAsync();
        var synced = logs.FirstOrDefault(l => l.Line.Contains("synced; workers started", StringComparison.Ordinal));

        var stopping = Stopwatch.StartNew();
        var exitCode = await container.StopAsync(GracePeriod);
        var stopped = stopping.Elapsed;

        output.WriteLine($"image {image.Name}: {image.SizeBytes / 1e6:0.0} MB uncompressed");
        output.WriteLine($"container start → ObjectBucket Available: {toAvailable.TotalSeconds:0.0} s");
        output.WriteLine(synced.Line is null
            ? "caches synced: no such log line seen"
            : $"container start → caches synced: {(synced.At - startedAt).TotalSeconds:0.0} s (first log line → caches synced: {(synced.At - logs[0].At).TotalSeconds:0.0} s)");
        output.WriteLine($"idle RSS: {idleResident / 1e6:0.0} MB; SIGTERM → exit {exitCode} in {stopped.TotalSeconds:0.0} s");
        Assert.True(exitCode == 0, $"the operator exited with {exitCode} on SIGTERM (expected 0 within {GracePeriod.TotalSeconds:0} s); its last lines:\n{await container.LogTailAsync()}");
    }

    [Fact]
    public async Task Container_AnswersProbesAndServesMetricsOnItsBindAddresses()
    {
        var started = Stopwatch.StartNew();
        var container = await StartContainerAsync(ClusterAccess.InCluster(WriteServiceAccountDirectory(), fixture.Plane.Server));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        while (await StatusAsync(http, _healthPort, "/readyz") != HttpStatusCode.OK)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"/readyz on 127.0.0.1:{_healthPort} did not answer 200 within 60 s; the container's last lines:\n{await container.LogTailAsync()}");
            await Task.Delay(200);
        }

        output.WriteLine($"container start → /readyz 200: {started.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, _healthPort, "/healthz"));
        using var metrics = await http.GetAsync(new Uri($"http://127.0.0.1:{_metricsPort}/metrics"));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE ", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await container.StopAsync(GracePeriod));
    }

    private async Task<OperatorContainer> StartContainerAsync(ClusterAccess cluster)
    {
        _container = await OperatorContainer.CreateAsync(image.Name, cluster, _tokenFile,
        [
            "--latitude-api-url", _simulator!.BaseAddress.ToString(), "--default-project", SimulatorSeed.Project,
            "--watch-namespaces", _namespace, "--leader-elect",
            "--health-probe-bind-address", $"127.0.0.1:{_healthPort}", "--metrics-bind-address", $"127.0.0.1:{_metricsPort}",
        ]);
        await _container.StartAsync();
        return _container;
    }

    private async Task WaitUntilAvailableAsync(string name, OperatorContainer container)
    {
        var deadline = Stopwatch.StartNew();
        Condition? ready = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            var bucket = await _admin.GetAsync<ObjectBucket>(name, _namespace);
            ready = bucket?.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition);
            if (ready is { Status: "True", Reason: ReadyReasons.Available } && ready.ObservedGeneration == bucket!.Metadata.Generation)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{name} never became Available; Ready: {ready?.Status}/{ready?.Reason}: {ready?.Message}\ncontainer's last lines:\n{await container.LogTailAsync()}");
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, int port, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The container runs as 65532: what it reads is readable by all, inside a directory only root can enter.</summary>
    private string WriteReadable(string name, string content)
    {
        var path = Path.Combine(_files.FullName, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    /// <summary>What the kubelet mounts for the operator's service account.</summary>
    private string WriteServiceAccountDirectory()
    {
        const string directory = "serviceaccount";
        Directory.CreateDirectory(Path.Combine(_files.FullName, directory), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        WriteReadable(Path.Combine(directory, "token"), _serviceAccountToken);
        WriteReadable(Path.Combine(directory, "ca.crt"), File.ReadAllText(fixture.Plane.CaCertificatePath));
        WriteReadable(Path.Combine(directory, "namespace"), OperatorInstallation.Namespace);
        return Path.Combine(_files.FullName, directory);
    }
}
