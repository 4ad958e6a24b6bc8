using Amazon.Runtime;
using Amazon.S3;
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

    private async Task<string?> S3VersioningAsync(string name)
    {
        var secret = await SecretValuesAsync(name);
        using var s3 = S3ClientFactory.Create(new Uri(secret["AWS_ENDPOINT_URL_S3"]), secret["AWS_ACCESS_KEY_ID"], secret["AWS_SECRET_ACCESS_KEY"], secret["AWS_REGION"]);
        var versioning = await s3.GetBucketVersioningAsync(secret["BUCKET_NAME"]);
        return versioning.VersioningConfig.Status?.Value;
    }
}
