namespace BucketOperator.ControlPlane;

/// <summary>Kubeconfig files for the control plane as users bring them: a token, or an exec credential plugin.</summary>
public static class TestKubeconfigs
{
    /// <summary>
    /// The control plane (server and CA data inline, so it works in a container too) with one user and a context using
    /// it; <paramref name="credentials"/> is the YAML under <c>user:</c>, indented by four spaces after its first line.
    /// </summary>
    public static string WithUser(LocalControlPlane plane, string credentials) => $"""
        apiVersion: v1
        kind: Config
        current-context: local
        clusters:
        - name: local
          cluster:
            server: {plane.Server}
            certificate-authority-data: {Convert.ToBase64String(File.ReadAllBytes(plane.CaCertificatePath))}
        users:
        - name: user
          user:
            {credentials}
        contexts:
        - name: local
          context:
            cluster: local
            user: user
        """;

    /// <summary>
    /// An exec credential plugin as kubectl runs them: it appends its arguments and <c>$PLUGIN_MODE</c> to
    /// <paramref name="callLog"/> and prints an ExecCredential holding <paramref name="token"/>. Returns its path.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static string WriteExecPlugin(string directory, string token, string callLog, string apiVersion = "client.authentication.k8s.io/v1")
    {
        var path = Path.Combine(directory, "exec-plugin.sh");
        File.WriteAllText(path, $$$"""
            #!/bin/sh
            echo "$* $PLUGIN_MODE" >> '{{{callLog}}}'
            printf '{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"%s"}}\n' '{{{token}}}'
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The YAML of an exec user for <see cref="WithUser"/>.</summary>
    public static string ExecUser(string plugin, string apiVersion = "client.authentication.k8s.io/v1") => $"""
        exec:
              apiVersion: {apiVersion}
              command: {plugin}
              args: ["--cluster", "local"]
              env:
              - name: PLUGIN_MODE
                value: test
              interactiveMode: Never
        """;
}
