using BucketOperator.ControlPlane;

namespace BucketOperator.Benchmarks.World;

/// <summary>A kubeconfig file for the operator's service account, for an operator run as a separate process.</summary>
internal static class ServiceAccountKubeconfig
{
    public static async Task<string> WriteAsync(BenchWorld world, CancellationToken cancellationToken)
    {
        var path = Path.Combine(world.Plane.Directory, "operator-kubeconfig");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster:
                server: {world.Plane.Server}
                certificate-authority: {world.Plane.CaCertificatePath}
            users:
            - name: {OperatorInstallation.ServiceAccount}
              user:
                token: {world.OperatorAccess.Token}
            contexts:
            - name: operator
              context:
                cluster: local
                user: {OperatorInstallation.ServiceAccount}
            current-context: operator
            """, cancellationToken);
        return path;
    }
}
