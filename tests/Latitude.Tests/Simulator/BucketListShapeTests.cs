using System.Text.Json.Nodes;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>The documented list example has no <c>created_at</c>; a direct read always has it.</summary>
public sealed class BucketListShapeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task List_CarriesCreatedAtOnlyWhenAsked_GetAlwaysDoes(bool listShowsCreatedAt)
    {
        await using var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { ListShowsCreatedAt = listShowsCreatedAt });
        var (_, created) = await Raw.SendAsync(sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("dated"));
        var id = JsonNode.Parse(created)!["data"]!["id"]!.GetValue<string>();

        var (_, list) = await Raw.SendAsync(sim, HttpMethod.Get, "/storage/buckets", SimulatorSeed.Token);
        var (_, get) = await Raw.SendAsync(sim, HttpMethod.Get, "/storage/buckets/" + id, SimulatorSeed.Token);

        Assert.Equal(listShowsCreatedAt, JsonNode.Parse(list)!["data"]![0]!["attributes"]!.AsObject().ContainsKey("created_at"));
        Assert.NotNull(JsonNode.Parse(get)!["data"]!["attributes"]!["created_at"]);
    }

    [Fact]
    public void Options_ByDefault_ListShowsCreatedAt() => Assert.True(new SimulatorOptions().ListShowsCreatedAt);
}
