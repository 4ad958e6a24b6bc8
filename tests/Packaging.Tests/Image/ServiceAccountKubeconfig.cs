using BucketOperator.ControlPlane;

namespace BucketOperator.Packaging.Tests.Image;

/// <summary>A kubeconfig that acts as the operator's service account, for an operator outside the cluster (here, in a container).</summary>
internal static class ServiceAccountKubeconfig
{
    public static string For(LocalControlPlane plane, string token) => $"""
        apiVersion: v1
        kind: Config
        current-context: operator
        clusters:
        - name: local
          cluster:
            server: {plane.Server}
            certificate-authority-data: {Convert.ToBase64String(File.ReadAllBytes(plane.CaCertificatePath))}
        users:
        - name: operator
          user:
            token: {token}
        contexts:
        - name: operator
          context:
            cluster: local
            user: operator
        """;
}
