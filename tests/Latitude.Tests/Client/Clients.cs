using BucketOperator.Latitude.Simulator;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Latitude.Tests.Client;

internal static class Clients
{
    /// <summary>Fast retries, so failure paths do not slow the suite.</summary>
    public static LatitudeClientOptions FastOptions(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
    };

    public static ILatitudeClient ForStub(ScriptedHttpHandler stub, string token = "test-token")
    {
        var options = FastOptions(new Uri("https://api.test"));
        return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options, stub), options).ForToken(token);
    }

    public static LatitudeClientFactory ForSimulator(LatitudeSimulator simulator, TimeProvider? time = null, ILoggerFactory? loggers = null, LatitudeClientOptions? options = null)
    {
        options ??= FastOptions(simulator.BaseAddress);
        return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options), options, time, loggers);
    }
}
