namespace BucketOperator.Packaging.Tests.Image;

/// <summary>How the operator in the container reaches the API server: what podman mounts and sets, and the operator's own flags.</summary>
internal sealed record ClusterAccess(IReadOnlyList<string> PodmanArguments, IReadOnlyList<string> OperatorArguments)
{
    public const string KubeconfigPath = "/etc/latitude-bucket-operator/kubeconfig";

    /// <summary>A kubeconfig file, mounted read-only and named by --kubeconfig.</summary>
    public static ClusterAccess Kubeconfig(string file) =>
        new(["--volume", $"{file}:{KubeconfigPath}:ro"], ["--kubeconfig", KubeconfigPath]);

    /// <summary>
    /// As in a pod: the service-account directory (token, ca.crt, namespace) where the kubelet mounts it and the
    /// service variables, so the operator finds the cluster itself, as config/manager has it.
    /// </summary>
    public static ClusterAccess InCluster(string serviceAccountDirectory, Uri server) => new(
        [
            "--volume", $"{serviceAccountDirectory}:/var/run/secrets/kubernetes.io/serviceaccount:ro",
            "--env", $"KUBERNETES_SERVICE_HOST={server.Host}", "--env", $"KUBERNETES_SERVICE_PORT={server.Port}",
        ],
        []);
}
