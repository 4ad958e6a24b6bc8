using System.Globalization;

namespace BucketOperator.ControlPlane;

/// <summary>
/// A control plane's temporary directory. It records the owning process and every child pid, so a
/// later run can kill and remove what a crashed run (killed test host, debugger stop) left behind.
/// </summary>
internal sealed class RunDirectory : IDisposable
{
    private const string Prefix = "bucket-operator-controlplane-";
    private readonly string _childrenFile;

    private RunDirectory(string path)
    {
        Path = path;
        _childrenFile = System.IO.Path.Combine(path, "children");
    }

    public string Path { get; }

    public static RunDirectory Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Combine(path, "owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new RunDirectory(path);
    }

    /// <summary>Removes directories whose owning process is gone, killing their children first.</summary>
    public static void ReapAbandoned()
    {
        foreach (var directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            var owner = ReadPids(System.IO.Path.Combine(directory, "owner")).FirstOrDefault();
            if (owner != 0 && IsAlive(owner))
            {
                continue;
            }

            foreach (var child in ReadPids(System.IO.Path.Combine(directory, "children")).Where(IsControlPlaneProcess))
            {
                KillQuietly(child);
            }

            TryDelete(directory);
        }
    }

    public void RecordChild(int pid) => File.AppendAllText(_childrenFile, pid.ToString(CultureInfo.InvariantCulture) + "\n");

    public void Dispose() => TryDelete(Path);

    private static IEnumerable<int> ReadPids(string file) =>
        File.Exists(file)
            ? File.ReadAllLines(file).Select(l => int.TryParse(l, out var pid) ? pid : 0).Where(pid => pid > 0)
            : [];

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    // A recorded pid may since have been reused by an unrelated process: only kill our kinds of servers.
    private static bool IsControlPlaneProcess(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("etcd", StringComparison.Ordinal) || commandLine.Contains("kube-", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void KillQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next reap; a process may still hold a file for a moment.
        }
    }
}
