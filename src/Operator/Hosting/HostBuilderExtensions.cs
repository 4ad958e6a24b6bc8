using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Latitude;
using BucketOperator.Operator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Hosting;

public static class HostBuilderExtensions
{
    /// <summary>Logging as <c>--log-format</c> says, the Kubernetes and Latitude clients, and the operator as a hosted service.</summary>
    public static IHostApplicationBuilder AddBucketOperator(this IHostApplicationBuilder builder, OperatorOptions options)
    {
        builder.Logging.ClearProviders();
        if (options.LogFormat == "text")
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IKubernetesClient>(_ =>
            new KubernetesClient(KubernetesClientConfiguration.Resolve(options.Kubeconfig), BucketOperatorRuntime.Json));
        builder.Services.AddSingleton(sp =>
        {
            var latitudeOptions = new LatitudeClientOptions { BaseAddress = options.LatitudeApiUrl };
            return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(latitudeOptions), latitudeOptions, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        builder.Services.AddSingleton(sp => new BucketOperatorRuntime(
            sp.GetRequiredService<IKubernetesClient>(), options, sp.GetRequiredService<LatitudeClientFactory>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<OperatorService>();
        return builder;
    }
}
