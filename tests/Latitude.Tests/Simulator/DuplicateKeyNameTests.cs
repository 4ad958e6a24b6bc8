using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>
/// Whether a second key with a taken name is refused or issued is an open question (object-storage.md
/// §11.6); the simulator plays either answer.
/// </summary>
public sealed class DuplicateKeyNameTests
{
    [Fact]
    public async Task CreateAccessKey_NameTaken_Conflict_RefusesTheSecond()
    {
        var (sim, client, request) = await StartAsync(DuplicateKeyNames.Conflict);
        await using var disposeSim = sim;
        await client.CreateAccessKeyAsync(request);

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => client.CreateAccessKeyAsync(request));

        Assert.Equal(LatitudeErrorKind.Conflict, error.Kind);
        Assert.Single(await client.ListAccessKeysAsync(SimulatorSeed.Project));
    }

    [Fact]
    public async Task CreateAccessKey_NameTaken_CreateSecond_IssuesAnotherKeyForTheSameUser_DeleteRemovesBoth()
    {
        var (sim, client, request) = await StartAsync(DuplicateKeyNames.CreateSecond);
        await using var disposeSim = sim;
        var first = await client.CreateAccessKeyAsync(request);

        var second = await client.CreateAccessKeyAsync(request);
        var listed = await client.ListAccessKeysAsync(SimulatorSeed.Project);
        var deleted = await client.DeleteAccessKeyAsync(first.Key.Username, first.Key.StorageClass, SimulatorSeed.Project);

        Assert.Equal(first.Key.Username, second.Key.Username);
        Assert.NotEqual(first.Credentials.AccessKeyId, second.Credentials.AccessKeyId);
        Assert.Equal(
            new[] { first.Credentials.AccessKeyId, second.Credentials.AccessKeyId }.Order(StringComparer.Ordinal),
            listed.Where(k => k.Username == first.Key.Username).Select(k => k.AccessKeyId).Order(StringComparer.Ordinal));
        Assert.True(deleted);
        Assert.Empty(await client.ListAccessKeysAsync(SimulatorSeed.Project));
    }

    private static async Task<(LatitudeSimulator Simulator, ILatitudeClient Client, CreateAccessKeyRequest Request)> StartAsync(DuplicateKeyNames mode)
    {
        var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { DuplicateKeyNames = mode });
        var client = Clients.ForSimulator(sim).ForToken(SimulatorSeed.Token);
        var bucket = await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "shared-name", Region = "DAL" });
        return (sim, client, CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, "shared-name", "DAL"));
    }
}
