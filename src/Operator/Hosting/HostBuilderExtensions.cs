using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.Latitude;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Hosting;

public static class HostBuilderExtensions
{
    /// <summary>
    /// How long the host waits for the operator to stop after SIGTERM: inside Kubernetes' default 30 s grace, with
    /// room after the controller's own shutdown timeout to release the lease.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Logging as <c>--log-format</c> says, the Kubernetes and Latitude clients, the operator as a hosted service,
    /// and Kestrel listening on the probe and metrics addresses (see <see cref="OperatorEndpoints"/>).
    /// </summary>
    public static WebApplicationBuilder AddBucketOperator(this WebApplicationBuilder builder, OperatorOptions options)
    {
        builder.Logging.ClearProviders();
        // Every probe and scrape would otherwise log two lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.LogFormat == "text")
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var probes = BindAddress.Parse(options.HealthProbeBindAddress);
            var metrics = BindAddress.Parse(options.MetricsBindAddress);
            probes.Listen(kestrel);
            if (metrics != probes)
            {
                metrics.Listen(kestrel);
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        ProcessMetrics.Register();
        builder.Services.AddOperatorMetrics();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IKubernetesClient>(_ =>
            new KubernetesClient(ClusterConfig.Resolve(options.Kubeconfig), BucketOperatorRuntime.Json));
        builder.Services.AddSingleton(sp =>
        {
            var latitudeOptions = new LatitudeClientOptions
            {
                BaseAddress = options.LatitudeApiUrl,
                ReadsPerMinute = options.LatitudeReadsPerMinute,
                WritesPerMinute = options.LatitudeWritesPerMinute,
            };
            return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(latitudeOptions), latitudeOptions, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        builder.Services.AddSingleton(sp => new BucketOperatorRuntime(
            sp.GetRequiredService<IKubernetesClient>(), options, sp.GetRequiredService<LatitudeClientFactory>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<OperatorHealth>();
        builder.Services.AddHostedService<OperatorService>();
        return builder;
    }
}
