using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>
/// A real S3 server: s3rver (npm) started through hack/s3/s3-server.js, which also registers the key
/// pairs the simulator issues, so each Secret holds working, distinct credentials, and answers bucket
/// versioning (which s3rver 3.7.1 does not). s3rver has no bucket policies: any registered key reaches any bucket.
/// </summary>
public sealed class S3rverBackend : IS3Backend
{
    /// <summary>s3rver's built-in account, used by the simulator itself.</summary>
    public const string AdminKey = "S3RVER";

    private readonly Process _node;
    private readonly string _directory;
    private readonly HttpClient _admin;
    private readonly AmazonS3Client _s3;

    private S3rverBackend(Process node, string directory, Uri endpoint, Uri admin)
    {
        _node = node;
        _directory = directory;
        Endpoint = endpoint;
        _admin = new HttpClient { BaseAddress = admin };
        _s3 = S3ClientFactory.Create(endpoint, AdminKey, AdminKey);
    }

    public Uri? Endpoint { get; }

    public static async Task<S3rverBackend> StartAsync(S3ServerOptions options, CancellationToken cancellationToken)
    {
        var script = options.Script ?? FindScript();
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "s3rver")))
        {
            throw new InvalidOperationException(
                $"s3rver is not installed next to {script}: run `npm ci --prefix hack/s3` from the repository root (needs node and npm).");
        }

        var directory = Directory.CreateTempSubdirectory("latitude-simulator-s3-").FullName;
        var info = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--directory", directory })
        {
            info.ArgumentList.Add(argument);
        }

        var node = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ready = await node.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready is null)
        {
            throw new InvalidOperationException($"s3-server.js exited: {await node.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        using var ports = JsonDocument.Parse(ready);
        var s3Port = ports.RootElement.GetProperty("s3").GetInt32();
        var adminPort = ports.RootElement.GetProperty("admin").GetInt32();
        return new S3rverBackend(node, directory, new Uri($"http://127.0.0.1:{s3Port}"), new Uri($"http://127.0.0.1:{adminPort}"));
    }

    public async Task CreateBucketAsync(string name, bool versioning, CancellationToken cancellationToken)
    {
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        if (versioning)
        {
            await _s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = name,
                VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            }, cancellationToken);
        }
    }

    public async Task DeleteBucketAsync(string name, CancellationToken cancellationToken) =>
        await _s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = name }, cancellationToken);

    public async Task<bool?> IsEmptyAsync(string name, CancellationToken cancellationToken)
    {
        var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = name, MaxKeys = 1 }, cancellationToken);
        return listing.S3Objects is not { Count: > 0 };
    }

    public async Task RegisterKeyAsync(string accessKeyId, string secret, CancellationToken cancellationToken)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri("/keys", UriKind.Relative), new KeyPair(accessKeyId, secret), S3JsonContext.Default.KeyPair, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task RevokeKeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        using var response = await _admin.DeleteAsync(new Uri("/keys/" + Uri.EscapeDataString(accessKeyId), UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task RefuseVersioningAsync(S3Refusal? refusal, CancellationToken cancellationToken)
    {
        var path = new Uri("/faults/versioning", UriKind.Relative);
        using var response = refusal is null
            ? await _admin.DeleteAsync(path, cancellationToken)
            : await _admin.PutAsJsonAsync(path, refusal, S3JsonContext.Default.S3Refusal, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        _admin.Dispose();
        if (!_node.HasExited)
        {
            _node.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _node.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _node.Kill(entireProcessTree: true);
            }
        }

        _node.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released; the directory is under the system temp folder.
        }
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "hack", "s3", "s3-server.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("hack/s3/s3-server.js not found above " + AppContext.BaseDirectory + "; pass S3ServerOptions.Script.");
    }
}
