using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using Microsoft.AspNetCore.Builder;

var settings = OperatorSettings.Parse(args, Environment.GetEnvironmentVariable);
if (settings.Help is { } help)
{
    Console.Out.Write(help);
    return 0;
}

if (settings.Options is not { } options)
{
    foreach (var error in settings.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error}");
    }

    return 2;
}

// The settings were parsed above; the host's own command-line parsing would fight them.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.AddBucketOperator(options);
await using var app = builder.Build();
app.MapOperatorEndpoints(BindAddress.Parse(options.HealthProbeBindAddress), BindAddress.Parse(options.MetricsBindAddress));
await app.RunAsync();

// 0 after SIGTERM; 1 when the operator stopped by itself (a lost lease, an error): see OperatorService.
return Environment.ExitCode;
