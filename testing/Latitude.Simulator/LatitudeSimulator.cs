using BucketOperator.Latitude.Simulator.Api;
using BucketOperator.Latitude.Simulator.Pipeline;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude.Simulator;

/// <summary>
/// The Latitude object-storage API on a loopback port, in this process. Tests arrange <see cref="State"/>,
/// script <see cref="Faults"/> and assert on <see cref="Requests"/>.
/// </summary>
public sealed class LatitudeSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IS3Backend _s3;
    private readonly TimeProvider _time;

    private LatitudeSimulator(WebApplication app, IS3Backend s3, TimeProvider time, SimulatorState state, FaultInjector faults, RequestLog requests)
    {
        _app = app;
        _s3 = s3;
        _time = time;
        State = state;
        Faults = faults;
        Requests = requests;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    public SimulatorState State { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    /// <summary>
    /// The S3 endpoint buckets carry, when a real S3 server backs the simulator: the permission front before s3rver
    /// (<see cref="S3ServerOptions.EnforcePermissions"/>), or s3rver itself.
    /// </summary>
    public Uri? S3Endpoint => _s3.Endpoint;

    public static async Task<LatitudeSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        IS3Backend s3 = options.S3 is null ? new NoS3Backend() : await S3rverBackend.StartAsync(options.S3, cancellationToken);
        var state = new SimulatorState(options.Seed, s3);
        if (options.S3 is { EnforcePermissions: true })
        {
            s3 = await FrontAsync(s3, state, cancellationToken);
        }

        var faults = new FaultInjector();
        var requests = new RequestLog();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options).AddSingleton(state).AddSingleton(faults).AddSingleton(requests).AddSingleton(s3);
        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        // A real API's failures come after it has authenticated and counted the request: injected 5xx use budget.
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapBuckets();
        app.MapAccessKeys();
        app.MapLifecycleRules(options.LifecycleRuleUpdates);
        app.MapUsage();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await s3.DisposeAsync();
            throw;
        }

        return new LatitudeSimulator(app, s3, options.Time, state, faults, requests);
    }

    /// <summary>
    /// From now on the S3 server refuses PutBucketVersioning with <paramref name="refusal"/> (null accepts it
    /// again). Needs <see cref="SimulatorOptions.S3"/>.
    /// </summary>
    public Task RefuseVersioningAsync(S3Refusal? refusal, CancellationToken cancellationToken = default) =>
        _s3.RefuseVersioningAsync(refusal, cancellationToken);

    /// <summary>
    /// Sets what <c>GET /storage/usage</c> reports for the bucket on <paramref name="day"/> (default: today on the
    /// simulator's clock), ingested now; a second figure for the same day replaces the first.
    /// </summary>
    public void SetStoredBytes(string bucketId, long bytes, DateOnly? day = null)
    {
        var now = _time.GetUtcNow();
        State.Usage.Record(bucketId, day ?? DateOnly.FromDateTime(now.UtcDateTime), bytes, now);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _s3.DisposeAsync();
    }

    private static async Task<IS3Backend> FrontAsync(IS3Backend s3rver, SimulatorState state, CancellationToken cancellationToken)
    {
        try
        {
            return new FrontedS3Backend(s3rver, await S3PermissionFront.StartAsync(s3rver.Endpoint!, state, cancellationToken));
        }
        catch
        {
            await s3rver.DisposeAsync();
            throw;
        }
    }
}
