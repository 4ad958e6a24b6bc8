using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BucketOperator.ControlPlane;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// The operator as a real process (the built <c>latitude-bucket-operator.dll</c>), as a kubelet runs it: its own
/// probe and metrics ports, signals by process ID, and every line it writes kept for assertions.
/// </summary>
public sealed class OperatorProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private OperatorProcess(ChildProcess process, int probePort, int metricsPort)
    {
        _process = process;
        ProbePort = probePort;
        MetricsPort = metricsPort;
        Started = Stopwatch.GetTimestamp();
    }

    public int Id => _process.Id;

    public int ProbePort { get; }

    public int MetricsPort { get; }

    /// <summary>The Accept header of Prometheus 2.x scrapes.</summary>
    private const string PrometheusAccept =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /// <summary>When the process was started (a <see cref="Stopwatch"/> timestamp).</summary>
    public long Started { get; }

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => _process.Lines();

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the operator with <paramref name="args"/> (probe and metrics addresses on free loopback ports are
    /// added) and <paramref name="environment"/>; its output goes to <paramref name="logPath"/>.
    /// </summary>
    public static OperatorProcess Start(IEnumerable<string> args, IDictionary<string, string> environment, string logPath)
    {
        var probePort = FreePort();
        var metricsPort = FreePort();
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "latitude-bucket-operator.dll"),
            .. args,
            $"--health-probe-bind-address=127.0.0.1:{probePort}",
            $"--metrics-bind-address=127.0.0.1:{metricsPort}",
        ];
        return new OperatorProcess(ChildProcess.Start("dotnet", arguments, logPath, environment), probePort, metricsPort);
    }

    /// <summary>The status code of a probe (<c>/healthz</c>, <c>/readyz</c>), or null when nothing answers.</summary>
    public async Task<HttpStatusCode?> ProbeAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{ProbePort}{path}"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>/metrics as Prometheus scrapes it (preferring OpenMetrics); the answer must be the text format 0.0.4.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{MetricsPort}/metrics"));
        request.Headers.TryAddWithoutValidation("Accept", PrometheusAccept);
        using var response = await _http.SendAsync(request);
        var type = response.EnsureSuccessStatusCode().Content.Headers.ContentType;
        Assert.True(type is { MediaType: "text/plain" } && type.Parameters.Any(p => p is { Name: "version", Value: "0.0.4" }), $"/metrics answered {type}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>SIGTERM, as the kubelet sends at pod deletion.</summary>
    public Task TerminateAsync() => SignalAsync("TERM");

    /// <summary>SIGKILL: no chance to clean up, as at an OOM kill or node loss.</summary>
    public Task KillAsync() => SignalAsync("KILL");

    /// <summary>SIGSTOP: frozen (a stalled node, a paused VM); its connections stay open but nothing is read.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>: it runs on from where it stood, its timers all due at once.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>The exit code, or a <see cref="TimeoutException"/> (with the last output) if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"operator {Id} still running after {timeout.TotalSeconds} s; last output:\n{_process.Tail(20)}");
        }
    }

    /// <summary>Resident set size from /proc (VmRSS).</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        _process.Dispose();
        _http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
