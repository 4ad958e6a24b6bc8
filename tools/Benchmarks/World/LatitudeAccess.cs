using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Benchmarks.World;

/// <summary>The simulator as the benchmark itself uses it, to arrange buckets, with limits high enough not to slow that down.</summary>
internal sealed class LatitudeAccess : IDisposable
{
    public const int Unlimited = 100_000;

    private readonly HttpClient _http;

    public LatitudeAccess(LatitudeSimulator simulator)
    {
        var options = new LatitudeClientOptions { BaseAddress = simulator.BaseAddress, ReadsPerMinute = Unlimited, WritesPerMinute = Unlimited };
        _http = LatitudeClientFactory.CreateHttpClient(options);
        Client = new LatitudeClientFactory(_http, options).ForToken(SimulatorSeed.Token);
    }

    public ILatitudeClient Client { get; }

    /// <summary>A simulator whose own limits never get in the benchmark's way (the operator's client keeps its defaults).</summary>
    public static SimulatorOptions UnlimitedSimulator => new() { ReadsPerMinute = Unlimited, WritesPerMinute = Unlimited };

    public void Dispose() => _http.Dispose();
}
