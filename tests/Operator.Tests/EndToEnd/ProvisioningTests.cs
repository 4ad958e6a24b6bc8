using System.Text.Json;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Entities.Serialization;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.EndToEnd;

public class ProvisioningTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    private static readonly string[] SecretKeys =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_REGION", "AWS_DEFAULT_REGION",
        "BUCKET_NAME", "BUCKET_HOST", "BUCKET_PORT", "BUCKET_REGION", "LATITUDE_BUCKET_ID", "LATITUDE_REGION",
    ];

    public static TheoryData<string> Samples => new(Directory.GetFiles(YamlManifests.RepositoryPath("config", "samples"), "objectbucket*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_Applied_BecomesAvailableWithASecretAnAwsSdkCanUse(string file)
    {
        var sample = YamlManifests.Load(YamlManifests.RepositoryPath("config", "samples", file!)).Single().Deserialize(EntitiesJsonContext.Default.ObjectBucket)!;
        sample.Metadata.Namespace = Namespace;
        await Admin.CreateAsync(sample);

        var bucket = await WaitForReadyAsync(sample.Metadata.Name!, ReadyReasons.Available);

        var secretName = sample.Spec.SecretName ?? sample.Metadata.Name!;
        var values = await SecretValuesAsync(secretName);
        Assert.Equal(SecretKeys.Order(), values.Keys.Order());
        Assert.Equal(bucket.Status!.BucketId, values["LATITUDE_BUCKET_ID"]);
        Assert.Equal(bucket.Status.AccessKeyId, values["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("written by the e2e test", await S3FromSecret.PutAndGetAsync(values, "written by the e2e test"));
        Assert.Single(Simulator.State.Buckets);
        Assert.Contains(await EventsAsync(sample.Metadata.Name!), e => e.Reason == EventReasons.Created);
    }

    [Fact]
    public async Task Available_UnchangedThroughResyncs_CausesNoWrites()
    {
        await Admin.CreateAsync(Bucket("steady"));
        var ready = await WaitForReadyAsync("steady", ReadyReasons.Available);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var writesBefore = Simulator.Requests.Entries.Count(e => e.Method != "GET");
        var version = (await Admin.GetAsync<ObjectBucket>("steady", Namespace))!.Metadata.ResourceVersion;

        await StopOperatorAsync();
        await StartOperatorAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(version, (await Admin.GetAsync<ObjectBucket>("steady", Namespace))!.Metadata.ResourceVersion);
        Assert.Equal(writesBefore, Simulator.Requests.Entries.Count(e => e.Method != "GET"));
        Assert.Equal(ready.Status!.BucketId, Simulator.State.Buckets.Single().Id);
    }
}

public sealed class SeedShapeProvisioningTests(ControlPlaneFixture fixture) : ProvisioningTests(fixture)
{
    protected override ResponseShape Shape => ResponseShape.Seed;
}
