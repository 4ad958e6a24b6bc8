using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// End-to-end tests of the operator as real processes (<see cref="OperatorProcess"/>), each acting as the
/// operator's service account through a kubeconfig, watching the test's namespace, with the test's rate limits.
/// Every process started is killed by its ID when the test ends.
/// </summary>
public abstract class ProcessOperatorTest(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    /// <summary>The Role and RoleBinding that let the operator hold its Lease in the test's namespace.</summary>
    protected const string LeaseAccess = "leases";

    private readonly List<OperatorProcess> _processes = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("operator-process-").FullName;

    protected override bool OperatorInProcess => false;

    /// <summary>Starts an operator process; with <paramref name="leaderElect"/> it campaigns for a Lease in the test's namespace.</summary>
    protected async Task<OperatorProcess> StartProcessAsync(bool leaderElect)
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        var tokenFile = Path.Combine(_directory, "token");
        if (!File.Exists(kubeconfig))
        {
            await GrantLeasesAsync();
            await File.WriteAllTextAsync(kubeconfig, OperatorInstallation.Kubeconfig(Plane, (await OperatorAccess.ConfigureAsync(Plane)).AccessToken!));
            await File.WriteAllTextAsync(tokenFile, SimulatorSeed.Token + "\n");
        }

        string[] election = leaderElect ? ["--leader-elect", "--leader-election-namespace", Namespace] : [];
        var process = OperatorProcess.Start(
            ["--kubeconfig", kubeconfig, "--latitude-api-url", Simulator.BaseAddress.ToString(), "--default-project", SimulatorSeed.Project,
             "--watch-namespaces", Namespace, "--latitude-reads-per-minute", $"{ReadsPerMinute}", "--latitude-writes-per-minute", $"{WritesPerMinute}", .. election],
            new Dictionary<string, string> { ["LATITUDE_API_TOKEN_FILE"] = tokenFile },
            Path.Combine(_directory, $"operator-{_processes.Count}.log"));
        _processes.Add(process);
        return process;
    }

    protected override async Task<IReadOnlyList<string>> StopTestProcessesAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            await process.KillAsync();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        IReadOnlyList<string> output = [.. _processes.SelectMany(p => p.Output)];
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
        return output;
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (failing at once if the process exits); returns the time since its start.</summary>
    protected static async Task<TimeSpan> WaitUntilReadyAsync(OperatorProcess process)
    {
        await Eventually.TrueAsync(
            async () => process.HasExited ? throw new InvalidOperationException($"the operator exited:\n{string.Join('\n', process.Output)}") : await process.ProbeAsync("/readyz") == HttpStatusCode.OK,
            "/readyz answers 200",
            TimeSpan.FromSeconds(60));
        return Stopwatch.GetElapsedTime(process.Started);
    }

    /// <summary>1 while the process leads, 0 while it waits.</summary>
    protected static async Task<double?> MasterStatusAsync(OperatorProcess process) =>
        PrometheusText.Value(PrometheusText.Parse(await process.ScrapeAsync()), "leader_election_master_status");

    /// <summary>The shipped Role for leases lives in latitude-system; each test elects in its own namespace.</summary>
    private Task GrantLeasesAsync()
    {
        var role = JsonNode.Parse($$"""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"{{LeaseAccess}}","namespace":"{{Namespace}}"},
             "rules":[{"apiGroups":["coordination.k8s.io"],"resources":["leases"],"verbs":["get","create","update"]}]}
            """)!.AsObject();
        return ManifestInstaller.CreateAsync(Plane, [role, LeaseBinding()]);
    }

    /// <summary>The RoleBinding of <see cref="LeaseAccess"/> to the operator's service account (tests delete it to cut a leader's Lease access, and create it again).</summary>
    protected JsonObject LeaseBinding() => JsonNode.Parse($$"""
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"{{LeaseAccess}}","namespace":"{{Namespace}}"},
         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"{{LeaseAccess}}"},
         "subjects":[{"kind":"ServiceAccount","name":"{{OperatorInstallation.ServiceAccount}}","namespace":"{{OperatorInstallation.Namespace}}"}]}
        """)!.AsObject();
}
