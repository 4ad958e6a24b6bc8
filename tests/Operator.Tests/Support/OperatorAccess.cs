using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// Installs config/crd and config/rbac as shipped, once per control plane (tests may run several), then gives a client configuration
/// that acts as the operator's service account: the operator under test has exactly the rights the manifests
/// grant, no more.
/// </summary>
internal static class OperatorAccess
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<LocalControlPlane, k8s.KubernetesClientConfiguration> Configurations = [];

    public static async Task<k8s.KubernetesClientConfiguration> ConfigureAsync(LocalControlPlane plane)
    {
        await Once.WaitAsync();
        try
        {
            if (!Configurations.TryGetValue(plane, out var configuration))
            {
                Configurations[plane] = configuration = await OperatorInstallation.InstallAsync(plane);
            }

            return configuration;
        }
        finally
        {
            Once.Release();
        }
    }
}
