using BucketOperator.Kubernetes.Client;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Benchmarks.World;

/// <summary>
/// The operator's runtime in this process, as the host wires it, over a client the scenario chose (usually a
/// counting wrapper around the service-account client), watching one namespace, against a simulator.
/// </summary>
internal sealed class InProcessOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _latitudeHttp;
    private readonly Task _running;

    private InProcessOperator(BucketOperatorRuntime runtime, HttpClient latitudeHttp)
    {
        Runtime = runtime;
        _latitudeHttp = latitudeHttp;
        _running = Task.Run(() => runtime.RunAsync(_stop.Token));
    }

    public BucketOperatorRuntime Runtime { get; }

    /// <param name="latitude">The client's limits; its base address is set to the simulator's.</param>
    public static InProcessOperator Start(
        IKubernetesClient client, LatitudeSimulator simulator, string @namespace, LatitudeClientOptions latitude, ILoggerFactory loggers, TimeSpan? resyncPeriod = null)
    {
        var options = OptionsFor(simulator) with { WatchNamespaces = [@namespace], ResyncPeriod = resyncPeriod ?? new OperatorOptions().ResyncPeriod };
        var latitudeOptions = latitude with { BaseAddress = simulator.BaseAddress };
        var http = LatitudeClientFactory.CreateHttpClient(latitudeOptions);
        var runtime = new BucketOperatorRuntime(client, options, new LatitudeClientFactory(http, latitudeOptions, TimeProvider.System, loggers), loggers);
        return new InProcessOperator(runtime, http);
    }

    /// <summary>The operator's settings for the simulator's main token and project; the rest are defaults.</summary>
    public static OperatorOptions OptionsFor(LatitudeSimulator simulator) => new()
    {
        LatitudeApiUrl = simulator.BaseAddress,
        LatitudeToken = SimulatorSeed.Token,
        DefaultProject = SimulatorSeed.Project,
    };

    /// <summary>Until the caches have listed: objects applied after this arrive as watch events.</summary>
    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        while (!Runtime.HasSynced)
        {
            if (_running.IsCompleted)
            {
                await _running;
                throw new InvalidOperationException("the operator stopped before its caches synced");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        _latitudeHttp.Dispose();
    }
}
