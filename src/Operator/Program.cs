using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Hosting;

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
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.AddBucketOperator(options);
using var host = builder.Build();
await host.RunAsync();
return 0;
