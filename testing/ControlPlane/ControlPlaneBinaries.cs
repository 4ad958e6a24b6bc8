namespace BucketOperator.ControlPlane;

/// <summary>Finds etcd, etcdctl, kube-apiserver and kube-controller-manager, or says how to install them.</summary>
public sealed record ControlPlaneBinaries(string Etcd, string Etcdctl, string KubeApiServer, string KubeControllerManager)
{
    public const string InstallScript = "hack/install-control-plane.sh";

    /// <summary>$CONTROL_PLANE_BIN, else the cache the install script fills; etcd from PATH.</summary>
    public static ControlPlaneBinaries Locate()
    {
        var bin = Environment.GetEnvironmentVariable("CONTROL_PLANE_BIN") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "latitude-operator", "control-plane", "bin");
        return new ControlPlaneBinaries(
            OnPath("etcd"),
            OnPath("etcdctl"),
            InDirectory(bin, "kube-apiserver"),
            InDirectory(bin, "kube-controller-manager"));
    }

    private static string InDirectory(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw Missing(name, $"not found at {path}");
    }

    private static string OnPath(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return path ?? throw Missing(name, "not found on PATH");
    }

    private static InvalidOperationException Missing(string name, string where) =>
        new($"{name} {where}. Run ./{InstallScript} from the repository root: it installs etcd from Debian and builds " +
            "kube-apiserver/kube-controller-manager v1.20.2 from Debian's kubernetes source package (about 10 minutes the first time). " +
            "Set CONTROL_PLANE_BIN to use binaries from elsewhere.");
}
