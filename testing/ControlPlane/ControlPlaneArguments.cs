using System.Globalization;

namespace BucketOperator.ControlPlane;

/// <summary>Command lines of the control-plane processes (Go flags as --name=value); every port is on loopback.</summary>
internal static class ControlPlaneArguments
{
    public static IEnumerable<string> Etcd(string directory, int clientPort, int peerPort) => Flags(new()
    {
        ["name"] = "test",
        ["data-dir"] = Path.Combine(directory, "etcd"),
        ["listen-client-urls"] = $"http://127.0.0.1:{clientPort}",
        ["advertise-client-urls"] = $"http://127.0.0.1:{clientPort}",
        ["listen-peer-urls"] = $"http://127.0.0.1:{peerPort}",
        ["initial-advertise-peer-urls"] = $"http://127.0.0.1:{peerPort}",
        ["initial-cluster"] = $"test=http://127.0.0.1:{peerPort}",
        ["logger"] = "zap",
        ["log-level"] = "warn",
    });

    public static IEnumerable<string> ApiServer(ControlPlaneFiles files, string etcdEndpoint, int port) => Flags(new()
    {
        ["etcd-servers"] = etcdEndpoint,
        ["bind-address"] = "127.0.0.1",
        ["advertise-address"] = "127.0.0.1",
        ["secure-port"] = port.ToString(CultureInfo.InvariantCulture),
        ["tls-cert-file"] = files.ServingCertificate,
        ["tls-private-key-file"] = files.ServingKey,
        ["client-ca-file"] = files.CaCertificate,
        ["token-auth-file"] = files.Tokens,
        ["authorization-mode"] = "RBAC",
        ["service-account-key-file"] = files.ServiceAccountPublicKey,
        ["service-account-signing-key-file"] = files.ServiceAccountPrivateKey,
        ["service-account-issuer"] = "https://kubernetes.default.svc.cluster.local",
        ["api-audiences"] = "https://kubernetes.default.svc.cluster.local",
        ["service-cluster-ip-range"] = "10.0.0.0/24",
        ["enable-priority-and-fairness"] = "false",
        // ConfigMap watches bypass the watch cache and read etcd directly, so tests can make a resourceVersion
        // expire with `etcdctl compact`: the cache keeps at least 75 s of events whatever is compacted.
        ["watch-cache-sizes"] = "configmaps#0",
        ["v"] = "1",
    });

    public static IEnumerable<string> ControllerManager(ControlPlaneFiles files) => Flags(new()
    {
        ["kubeconfig"] = files.Kubeconfig,
        ["controllers"] = "garbagecollector,namespace,serviceaccount-token",
        ["service-account-private-key-file"] = files.ServiceAccountPrivateKey,
        ["root-ca-file"] = files.CaCertificate,
        ["leader-elect"] = "false",
        // 0 turns serving off: parallel runs would otherwise collide on the default ports.
        ["port"] = "0",
        ["secure-port"] = "0",
        ["v"] = "1",
    });

    private static IEnumerable<string> Flags(Dictionary<string, string> flags) => flags.Select(f => $"--{f.Key}={f.Value}");
}
