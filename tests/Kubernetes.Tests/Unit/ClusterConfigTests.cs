using System.Text;
using BucketOperator.Kubernetes.Config;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>What <see cref="ClusterConfig"/> adds to the package's kubeconfig loading: kubectl's merge of several files, and errors that name the file.</summary>
public sealed class ClusterConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubeconfig-tests").FullName;

    [Fact]
    public void FromFile_TokenUserWithCaData_UsesCurrentContext()
    {
        var (caPem, _) = TestCertificates.SelfSigned("CN=ca");
        var path = Write("config", Kubeconfig("current-context: dev", "dev", "c", $"certificate-authority-data: {B64(caPem)}", "u", "token: abc", "namespace: team-a"));

        var config = ClusterConfig.FromFile(path);

        Assert.Equal("https://10.1.2.3:6443", config.Host);
        Assert.Equal("abc", config.AccessToken);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("CN=ca", Assert.Single(config.SslCaCerts).Subject);
    }

    [Fact]
    public void FromFiles_TwoFiles_FirstDefinitionWinsAndEachFilesRelativePathsAreItsOwn()
    {
        var (certPem, keyPem) = TestCertificates.SelfSigned("CN=me");
        var second = Directory.CreateDirectory(Path.Combine(_directory, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "me.crt"), certPem);
        File.WriteAllText(Path.Combine(second, "me.key"), keyPem);
        // The first file has the current context and cluster "c"; the second another "c" (loses) and the user, with paths relative to itself.
        var first = Write("first", """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: c
              cluster:
                server: https://10.1.2.3:6443
                insecure-skip-tls-verify: true
            contexts:
            - name: dev
              context:
                cluster: c
                user: u
            """);
        var secondPath = Path.Combine(second, "config");
        File.WriteAllText(secondPath, """
            apiVersion: v1
            kind: Config
            current-context: elsewhere
            clusters:
            - name: c
              cluster:
                server: https://10.9.9.9:6443
                insecure-skip-tls-verify: true
            users:
            - name: u
              user:
                client-certificate: me.crt
                client-key: me.key
            """);

        var config = ClusterConfig.FromFiles([first, secondPath]);

        Assert.Equal("https://10.1.2.3:6443", config.Host);
        Assert.Equal(Path.Combine(second, "me.crt"), config.ClientCertificateFilePath);
        Assert.Equal(Path.Combine(second, "me.key"), config.ClientKeyFilePath);
    }

    [Fact]
    public void Resolve_SeveralPathsAsKubeconfigSetsThem_MergesThoseThatExist()
    {
        var cluster = Write("cluster", Kubeconfig("current-context: dev", "dev", "c", "insecure-skip-tls-verify: true", "u", "token: from-first", ""));
        var user = Write("user", """
            apiVersion: v1
            kind: Config
            users:
            - name: u
              user:
                token: from-second
            """);

        var config = ClusterConfig.Resolve(string.Join(Path.PathSeparator, cluster, Path.Combine(_directory, "absent"), user));

        Assert.Equal(("https://10.1.2.3:6443", "from-first"), (config.Host, config.AccessToken));
    }

    [Fact]
    public void Resolve_OneMissingPath_FailsNamingIt()
    {
        var missing = Path.Combine(_directory, "absent");

        var error = Assert.Throws<InvalidDataException>(() => ClusterConfig.Resolve(missing));

        Assert.StartsWith(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_NamedContext_OverridesCurrentContext()
    {
        var path = Write("config", Kubeconfig("current-context: dev", "dev", "c", "", "u", "token: t", ""));

        var error = Assert.Throws<InvalidDataException>(() => ClusterConfig.FromFile(path, context: "prod"));

        Assert.Contains("prod", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_UserWithoutAnyCredential_FailsNamingTheFileAndUser()
    {
        // A client certificate without its key is no credential: said, not silently dropped.
        var path = Write("config", Kubeconfig("current-context: dev", "dev", "c", "", "u", "client-certificate: me.crt", ""));

        var error = Assert.Throws<InvalidDataException>(() => ClusterConfig.FromFile(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("u", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_BasicAuthUser_KeepsUsernameAndPassword()
    {
        var path = Write("config", Kubeconfig("current-context: dev", "dev", "c", "", "u", "username: alice\n    password: wonderland", ""));

        var config = ClusterConfig.FromFile(path);

        Assert.Equal(("alice", "wonderland"), (config.Username, config.Password));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Kubeconfig(string currentContext, string context, string cluster, string clusterExtra, string user, string credentials, string contextExtra) => $"""
        apiVersion: v1
        kind: Config
        {currentContext}
        clusters:
        - name: {cluster}
          cluster:
            server: https://10.1.2.3:6443
            {clusterExtra}
        users:
        - name: {user}
          user:
            {credentials}
        contexts:
        - name: {context}
          context:
            cluster: {cluster}
            user: {user}
            {contextExtra}
        """;

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
