using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>A key deleted out of band (in the dashboard, by its access key ID) is gone from the API.</summary>
public sealed class AccessKeyRevocationTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { DuplicateKeyNames = DuplicateKeyNames.CreateSecond });
        await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("keyed"));
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task RevokedKey_IsListedNoMore_WhileTheUsersOtherKeyStays()
    {
        var revoked = await CreateKeyAsync();
        var kept = await CreateKeyAsync();

        var found = await _sim.State.RevokeAccessKeyAsync(revoked);
        var (_, list) = await Raw.SendAsync(_sim, HttpMethod.Get, "/storage/access_keys?project=" + SimulatorSeed.Project, SimulatorSeed.Token);

        Assert.True(found);
        Assert.Equal([kept], JsonNode.Parse(list)!["data"]!["standard"]!.AsArray().Select(k => k!["access_key_id"]!.GetValue<string>()));
        Assert.Equal([kept], _sim.State.AccessKeys.Select(k => k.AccessKeyId));
    }

    [Fact]
    public async Task RevokeAccessKey_OfAnUnknownId_ReturnsFalse_AndLeavesKeysAlone()
    {
        var kept = await CreateKeyAsync();

        Assert.False(await _sim.State.RevokeAccessKeyAsync("AKIANOSUCHKEY"));
        Assert.Equal([kept], _sim.State.AccessKeys.Select(k => k.AccessKeyId));
    }

    [Fact]
    public async Task DeleteThroughTheApi_AfterTheLastKeyWasRevoked_IsNotFound()
    {
        var revoked = await CreateKeyAsync();
        var username = _sim.State.AccessKeys.Single().Username;
        await _sim.State.RevokeAccessKeyAsync(revoked);

        var (status, _) = await Raw.SendAsync(_sim, HttpMethod.Delete, $"/storage/access_keys/{Uri.EscapeDataString(username)}/standard?project={SimulatorSeed.Project}", SimulatorSeed.Token);

        Assert.Equal(404, status);
    }

    private async Task<string> CreateKeyAsync()
    {
        var (_, body) = await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/access_keys", SimulatorSeed.Token, Raw.Key(SimulatorSeed.Project, "standard", "DAL"));
        return JsonNode.Parse(body)!["data"]!["attributes"]!["access_key"]!["access_key_id"]!.GetValue<string>();
    }
}
