using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Benchmarks.World;

/// <summary>
/// What every scenario runs against: a real control plane on loopback with config/ installed as shipped, an admin
/// client for arranging and observing, and the operator's service-account access (config/rbac's rights only).
/// Each scenario brings its own namespace and Latitude simulator; namespaces are left as they are (their objects
/// carry finalizers no operator will run once the scenario stops) and go with the control plane.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    private BenchWorld(LocalControlPlane plane, k8s.KubernetesClientConfiguration operatorAccess, ILoggerFactory loggers)
    {
        Plane = plane;
        OperatorAccess = operatorAccess;
        Loggers = loggers;
        Admin = plane.CreateClient(BucketOperatorRuntime.Json);
    }

    public LocalControlPlane Plane { get; }

    public KubernetesClient Admin { get; }

    /// <summary>Acts as the operator's service account.</summary>
    public k8s.KubernetesClientConfiguration OperatorAccess { get; }

    /// <summary>For operators run in this process: warnings and errors only, on standard error.</summary>
    public ILoggerFactory Loggers { get; }

    public static async Task<BenchWorld> StartAsync(CancellationToken cancellationToken)
    {
        var plane = await LocalControlPlane.StartAsync(cancellationToken);
        try
        {
            var access = await OperatorInstallation.InstallAsync(plane, cancellationToken);
            var loggers = LoggerFactory.Create(b => b
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning));
            return new BenchWorld(plane, access, loggers);
        }
        catch
        {
            await plane.DisposeAsync();
            throw;
        }
    }

    public async Task<string> CreateNamespaceAsync(string prefix, CancellationToken cancellationToken) =>
        (await Admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = prefix } }, cancellationToken)).Metadata.Name!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Loggers.Dispose();
        await Plane.DisposeAsync();
    }
}
