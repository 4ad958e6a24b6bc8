using System.Globalization;
using BucketOperator.Packaging.Tests.Support;

namespace BucketOperator.Packaging.Tests.Image;

/// <summary>
/// The operator's image under podman, locked down as config/manager runs it: read-only root filesystem with no
/// writable tmpfs either, UID/GID 65532, no capabilities, no privilege escalation. Host network, so the loopback
/// control plane and simulator are reachable. Removed (by its ID) on dispose.
/// </summary>
internal sealed class OperatorContainer : IAsyncDisposable
{
    /// <summary>Where config/manager mounts the token Secret.</summary>
    public const string TokenPath = "/var/run/secrets/latitude.sh/token";

    private OperatorContainer(string id) => Id = id;

    public string Id { get; }

    /// <summary>Created, then started: an ID to remove exists even when starting fails.</summary>
    public static async Task<OperatorContainer> CreateAsync(string image, ClusterAccess cluster, string tokenFile, IEnumerable<string> arguments)
    {
        var created = (await Podman.RunAsync(
        [
            "create", "--name", $"latitude-operator-test-{Guid.NewGuid():N}",
            "--read-only", "--read-only-tmpfs=false", "--user", "65532:65532",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--network", "host",
            // Ends a container that a killed test run left behind, so it does not run on against nothing.
            "--timeout", "600",
            .. cluster.PodmanArguments,
            "--volume", $"{tokenFile}:{TokenPath}:ro", "--env", $"LATITUDE_API_TOKEN_FILE={TokenPath}",
            image, .. cluster.OperatorArguments, .. arguments,
        ])).EnsureSuccess("creating the container");
        return new OperatorContainer(created.Output.Trim());
    }

    public async Task StartAsync() => (await Podman.RunAsync("start", Id)).EnsureSuccess("starting the container");

    /// <summary>Each line as podman received it, with that time.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, string Line)>> LogsAsync()
    {
        var logs = (await Podman.RunAsync("logs", "--timestamps", Id)).EnsureSuccess("reading the container's logs");
        return [.. (logs.Output + logs.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Select(p => (DateTimeOffset.Parse(p[0], CultureInfo.InvariantCulture), p.Length > 1 ? p[1] : ""))
            .OrderBy(l => l.Item1)];
    }

    public async Task<string> LogTailAsync(int lines = 40) => string.Join('\n', (await LogsAsync()).TakeLast(lines).Select(l => l.Line));

    /// <summary>Resident memory of the container's main process, from /proc.</summary>
    public async Task<long> ResidentBytesAsync()
    {
        var pid = (await Podman.RunAsync("inspect", "--format", "{{.State.Pid}}", Id)).EnsureSuccess("reading the container's process ID").Output.Trim();
        var rss = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>SIGTERM, as the kubelet sends it, then SIGKILL after <paramref name="grace"/>; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        (await Podman.RunAsync("stop", "--time", ((int)grace.TotalSeconds).ToString(CultureInfo.InvariantCulture), Id)).EnsureSuccess("stopping the container");
        var exit = (await Podman.RunAsync("inspect", "--format", "{{.State.ExitCode}}", Id)).EnsureSuccess("reading the exit code");
        return int.Parse(exit.Output.Trim(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await Podman.RunAsync("rm", "--force", "--time", "0", Id);
}
