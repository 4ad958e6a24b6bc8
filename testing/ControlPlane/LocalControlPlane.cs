using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.ControlPlane;

/// <summary>
/// A real control plane for tests and the local environment: etcd, kube-apiserver (TLS, RBAC, static tokens,
/// service-account signing) and kube-controller-manager (garbage collection, namespace deletion, service-account
/// tokens), on free loopback ports, in a temporary directory that is removed on dispose. Processes of a run that
/// died without disposing are reaped by the next start.
/// </summary>
public sealed class LocalControlPlane : IAsyncDisposable
{
    /// <summary>Token of a user in system:masters.</summary>
    public const string AdminToken = "admin-token";

    /// <summary>Token of a user with no role bindings (every request is Forbidden).</summary>
    public const string UnprivilegedToken = "nobody-token";

    private const string Etcd = "etcd";
    private const string ApiServer = "kube-apiserver";
    private const string ControllerManager = "kube-controller-manager";

    // Running servers in start order, and how each was started (to start it again on the same ports and data).
    private readonly List<(string Name, ChildProcess Process)> _processes = [];
    private readonly Dictionary<string, (string Binary, IReadOnlyList<string> Arguments)> _commands = [];
    private readonly RunDirectory _run;
    private readonly ControlPlaneBinaries _binaries;

    private LocalControlPlane(RunDirectory run, ControlPlaneBinaries binaries)
    {
        _run = run;
        _binaries = binaries;
    }

    public string Directory => _run.Path;

    public required Uri Server { get; init; }

    public required string EtcdEndpoint { get; init; }

    /// <summary>A kubeconfig with contexts "admin" (token, current) and "admin-cert" (client certificate).</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>PEM of the certificate authority that signed the API server's serving certificate (for curl's <c>--cacert</c>).</summary>
    public required string CaCertificatePath { get; init; }

    /// <summary>What <c>kube-apiserver --version</c> printed.</summary>
    public required string Version { get; init; }

    public static async Task<LocalControlPlane> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = ControlPlaneBinaries.Locate();
        RunDirectory.ReapAbandoned();
        var run = RunDirectory.Create();
        try
        {
            return await StartInAsync(run, binaries, cancellationToken);
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>A fresh configuration of one of the kubeconfig's contexts (admin, admin-cert, nobody), loaded as the operator loads its own.</summary>
    public k8s.KubernetesClientConfiguration Configuration(string context = "admin") => ClusterConfig.FromFile(KubeconfigPath, context);

    public KubernetesClient CreateClient(JsonSerializerOptions? json = null, string context = "admin") => new(Configuration(context), json);

    /// <summary>Compacts etcd's history up to now, so older resourceVersions are gone for good.</summary>
    public async Task CompactEtcdAsync()
    {
        var status = await RunEtcdctlAsync("endpoint", "status", "--write-out=json");
        using var document = JsonDocument.Parse(status);
        var revision = document.RootElement[0].GetProperty("Status").GetProperty("header").GetProperty("revision").GetInt64();
        await RunEtcdctlAsync("compact", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Kills kube-apiserver (SIGKILL, as at a crash of its node), and etcd too when <paramref name="withEtcd"/>:
    /// clients get refused connections until <see cref="StartApiServerAsync"/>. Ports, certificates and etcd's
    /// data stay. kube-controller-manager keeps running and retrying, as it would on a real cluster.
    /// </summary>
    public void KillApiServer(bool withEtcd)
    {
        Kill(ApiServer);
        if (withEtcd)
        {
            Kill(Etcd);
        }
    }

    /// <summary>Starts what <see cref="KillApiServer"/> killed, with the same command lines; returns once the API server is ready.</summary>
    public async Task StartApiServerAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in new[] { Etcd, ApiServer }.Where(n => !_processes.Exists(p => p.Name == n)))
        {
            Start(name);
        }

        await WaitReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in Enumerable.Reverse(_processes))
        {
            process.Dispose();
        }

        await Task.Yield();
        _run.Dispose();
    }

    private static async Task<LocalControlPlane> StartInAsync(RunDirectory run, ControlPlaneBinaries binaries, CancellationToken cancellationToken)
    {
        var version = await OutputOfAsync(binaries.KubeApiServer, "--version");
        var files = ControlPlaneFiles.Write(run.Path);
        var etcdPort = FreePort.Next();
        var apiPort = FreePort.Next();
        var etcdEndpoint = $"http://127.0.0.1:{etcdPort}";
        var server = new Uri($"https://127.0.0.1:{apiPort}");
        files.WriteKubeconfig(server);
        var plane = new LocalControlPlane(run, binaries)
        {
            Server = server,
            EtcdEndpoint = etcdEndpoint,
            KubeconfigPath = files.Kubeconfig,
            CaCertificatePath = files.CaCertificate,
            Version = version.Trim(),
        };
        try
        {
            plane.Launch(Etcd, binaries.Etcd, ControlPlaneArguments.Etcd(run.Path, etcdPort, FreePort.Next()));
            plane.Launch(ApiServer, binaries.KubeApiServer, ControlPlaneArguments.ApiServer(files, etcdEndpoint, apiPort));
            await plane.WaitReadyAsync(cancellationToken);
            plane.Launch(ControllerManager, binaries.KubeControllerManager, ControlPlaneArguments.ControllerManager(files));
            return plane;
        }
        catch
        {
            await plane.DisposeAsync();
            throw;
        }
    }

    private void Launch(string name, string binary, IEnumerable<string> arguments)
    {
        _commands[name] = (binary, arguments.ToList());
        Start(name);
    }

    private void Start(string name)
    {
        var (binary, arguments) = _commands[name];
        var process = ChildProcess.Start(binary, arguments, System.IO.Path.Combine(_run.Path, name + ".log"));
        _processes.Add((name, process));
        _run.RecordChild(process.Id);
    }

    private void Kill(string name)
    {
        var index = _processes.FindIndex(p => p.Name == name);
        if (index >= 0)
        {
            _processes[index].Process.Dispose();
            _processes.RemoveAt(index);
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_processes.Select(p => p.Process).FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{System.IO.Path.GetFileName(exited.LogPath)} exited during start-up:\n{exited.Tail()}");
            }

            try
            {
                using var response = await client.SendRawAsync(HttpMethod.Get, "/readyz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Refused while the port is not yet open; a connect timeout while the server starts up and is slow to finish TLS handshakes.
                last = e.Message;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"kube-apiserver not ready after 90 s ({last}):\n{_processes.Single(p => p.Name == ApiServer).Process.Tail()}");
    }

    private Task<string> RunEtcdctlAsync(params string[] arguments) =>
        OutputOfAsync(_binaries.Etcdctl, ["--endpoints", EtcdEndpoint, .. arguments]);

    private static async Task<string> OutputOfAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ETCDCTL_API"] = "3";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }
}
