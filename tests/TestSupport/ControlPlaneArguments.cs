namespace BucketOperator.TestSupport;

/// <summary>Command lines of the control-plane processes; every port is on loopback.</summary>
internal static class ControlPlaneArguments
{
    public static string[] Etcd(string directory, int clientPort, int peerPort) =>
    [
        "--name", "test",
        "--data-dir", Path.Combine(directory, "etcd"),
        "--listen-client-urls", $"http://127.0.0.1:{clientPort}",
        "--advertise-client-urls", $"http://127.0.0.1:{clientPort}",
        "--listen-peer-urls", $"http://127.0.0.1:{peerPort}",
        "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
        "--initial-cluster", $"test=http://127.0.0.1:{peerPort}",
        "--log-level", "warn",
        "--logger", "zap",
    ];

    public static string[] ApiServer(ControlPlaneFiles files, string etcdEndpoint, int port) =>
    [
        "--etcd-servers", etcdEndpoint,
        "--bind-address", "127.0.0.1",
        "--advertise-address", "127.0.0.1",
        "--secure-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // 1.20 still opens an unauthenticated port 8080 unless told not to; parallel runs would collide on it.
        "--insecure-port", "0",
        "--tls-cert-file", files.ServingCertificate,
        "--tls-private-key-file", files.ServingKey,
        "--client-ca-file", files.CaCertificate,
        "--token-auth-file", files.Tokens,
        "--authorization-mode", "RBAC",
        "--service-account-key-file", files.ServiceAccountPublicKey,
        "--service-account-signing-key-file", files.ServiceAccountPrivateKey,
        "--service-account-issuer", "https://kubernetes.default.svc.cluster.local",
        "--api-audiences", "https://kubernetes.default.svc.cluster.local",
        "--service-cluster-ip-range", "10.0.0.0/24",
        "--enable-priority-and-fairness", "false",
        "--v", "1",
    ];

    public static string[] ControllerManager(ControlPlaneFiles files) =>
    [
        "--kubeconfig", files.Kubeconfig,
        "--controllers", "garbagecollector,namespace,serviceaccount-token",
        "--service-account-private-key-file", files.ServiceAccountPrivateKey,
        "--root-ca-file", files.CaCertificate,
        "--leader-elect", "false",
        "--port", "0",
        "--secure-port", "0",
        "--v", "1",
    ];
}
