using BucketOperator.Entities;
using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

/// <summary>SPEC "Out-of-band changes": versioning false→true goes through S3 PutBucketVersioning with the bucket's own credentials.</summary>
public sealed class VersioningTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task VersioningTurnedOn_EnabledThroughS3()
    {
        await Admin.CreateAsync(Bucket("history"));
        await WaitForReadyAsync("history", ReadyReasons.Available);

        await TurnVersioningOnAsync("history");

        var ready = await WaitForReadyAsync("history", ReadyReasons.Available);
        Assert.True(ready.Status!.Versioning);
        Assert.Equal("Enabled", await S3VersioningAsync("history"));
        Assert.Contains(await EventsAsync("history"), e => e.Reason == EventReasons.VersioningEnabled);
    }

    [Fact]
    public async Task ProviderRefusesVersioning_VersioningUpdateFailed_ThenRecovers()
    {
        await Admin.CreateAsync(Bucket("stubborn"));
        await WaitForReadyAsync("stubborn", ReadyReasons.Available);
        await Simulator.RefuseVersioningAsync(new S3Refusal(Message: "versioning is not allowed on this plan"));

        await TurnVersioningOnAsync("stubborn");

        var failed = await WaitForReadyAsync("stubborn", ReadyReasons.VersioningUpdateFailed);
        Assert.Contains("AccessDenied", failed.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition).Message, StringComparison.Ordinal);
        await Simulator.RefuseVersioningAsync(null);
        await WaitForReadyAsync("stubborn", ReadyReasons.Available);
        Assert.Equal("Enabled", await S3VersioningAsync("stubborn"));
    }

    private Task TurnVersioningOnAsync(string name) => PatchSpecAsync(name, """{"versioning":true}""");

    private async Task<string?> S3VersioningAsync(string name) => await S3FromSecret.VersioningAsync(await SecretValuesAsync(name));
}
