using System.Diagnostics;
using BucketOperator.Entities;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>
/// SPEC "Tokens change without restarts": the operator's token file is a mounted Secret, which the kubelet updates by
/// swapping the <c>..data</c> symlink to a new directory (the file's modification time tells nothing). After a rotation
/// and the old token's revocation the operator keeps working, without a restart.
/// </summary>
public sealed class TokenRotationTests(ControlPlaneFixture fixture) : OperatorTest(fixture), IDisposable
{
    private const string RotatedToken = "sim-rotated-token";
    private readonly string _mount = Directory.CreateTempSubdirectory("token-mount-").FullName;

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    protected override OperatorOptions Configure(OperatorOptions options)
    {
        if (!File.Exists(Path.Combine(_mount, "token")))
        {
            WriteVersion("..v1", SimulatorSeed.Token);
            File.CreateSymbolicLink(Path.Combine(_mount, "..data"), "..v1");
            File.CreateSymbolicLink(Path.Combine(_mount, "token"), "..data/token");
        }

        return options with { LatitudeToken = null, LatitudeTokenFile = Path.Combine(_mount, "token") };
    }

    [Fact]
    public async Task TokenFileRotatedBySymlinkSwap_ThenOldTokenRevoked_NewObjectsStillProvisioned()
    {
        await Admin.CreateAsync(Bucket("before-rotation"));
        await WaitForReadyAsync("before-rotation", ReadyReasons.Available);

        var team = Simulator.State.Seed.Tokens.Single(t => t.Value == SimulatorSeed.Token).TeamId;
        Simulator.State.AddToken(new ApiToken(RotatedToken, team, CanWrite: true));
        var unchanged = File.GetLastWriteTimeUtc(Path.Combine(_mount, "..v1", "token"));
        WriteVersion("..v2", RotatedToken);
        File.SetLastWriteTimeUtc(Path.Combine(_mount, "..v2", "token"), unchanged);
        await SwapDataLinkAsync("..v2");
        Assert.True(Simulator.State.RevokeToken(SimulatorSeed.Token));

        await Admin.CreateAsync(Bucket("after-rotation"));

        await WaitForReadyAsync("after-rotation", ReadyReasons.Available, TimeSpan.FromSeconds(75));
        Assert.Contains(Simulator.Requests.Entries, e => e.Method == "POST" && e.Status == 201);
    }

    private void WriteVersion(string directory, string token)
    {
        Directory.CreateDirectory(Path.Combine(_mount, directory));
        File.WriteAllText(Path.Combine(_mount, directory, "token"), token);
    }

    /// <summary>As the kubelet's atomic writer: a new link, renamed over <c>..data</c> in one step.</summary>
    private async Task SwapDataLinkAsync(string target)
    {
        File.CreateSymbolicLink(Path.Combine(_mount, "..data_tmp"), target);
        using var rename = Process.Start("mv", ["-T", Path.Combine(_mount, "..data_tmp"), Path.Combine(_mount, "..data")]);
        await rename.WaitForExitAsync();
        Assert.Equal(0, rename.ExitCode);
    }
}
