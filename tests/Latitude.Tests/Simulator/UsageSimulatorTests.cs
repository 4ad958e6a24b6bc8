using System.Text.Json.Nodes;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.Latitude.Tests.Contract;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary><c>GET /storage/usage</c> on the simulator: daily rows named by the provider's number, read through the client.</summary>
public sealed class UsageSimulatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetBucketUsage_YesterdayAndToday_IsTodaysFigure_OfThatBucketOnly()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        var other = await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "other-usage", Region = "DAL" });
        sim.SetStoredBytes(bucket.Id, 1_000, new DateOnly(2026, 3, 9));
        sim.SetStoredBytes(bucket.Id, 2_000);
        sim.SetStoredBytes(other.Id, 9_999);

        var usage = await client.GetBucketUsageAsync(SimulatorSeed.ProjectSlug, bucket.Id);

        Assert.Equal((2_000L, new DateOnly(2026, 3, 10)), (usage!.Bytes, usage.Date));
        Assert.Matches("^[0-9]+$", usage.StorageId);
        Assert.Equal(("standard", "us-east-1"), (usage.Tier, usage.Region));
    }

    [Fact]
    public async Task GetBucketUsage_NoRowInTheDefaultPeriod_IsNull()
    {
        var (sim, client, bucket) = await StartAsync();
        await using var disposeSim = sim;
        var before = await client.GetBucketUsageAsync(SimulatorSeed.Project, bucket.Id);

        sim.SetStoredBytes(bucket.Id, 5, new DateOnly(2026, 3, 8));

        Assert.Null(before);
        Assert.Null(await client.GetBucketUsageAsync(SimulatorSeed.Project, bucket.Id));
    }

    [Fact]
    public async Task Usage_Rows_HaveTheDocumentedAttributes_AndANumericStorageId()
    {
        var (sim, _, bucket) = await StartAsync();
        await using var disposeSim = sim;
        sim.SetStoredBytes(bucket.Id, 10737418240);

        var (status, body) = await Raw.SendAsync(sim, HttpMethod.Get, $"/storage/usage?filter[project]={SimulatorSeed.Project}&filter[storage_id]={bucket.Id}", SimulatorSeed.Token);

        var row = JsonNode.Parse(body)!["data"]![0]!;
        var documented = JsonNode.Parse(Documented.StorageUsage)!["data"]![0]!["attributes"]!.AsObject().Select(p => p.Key);
        var attributes = row["attributes"]!.AsObject();
        Assert.Equal(200, status);
        Assert.Superset(documented.Concat(["storage_id", "project_id"]).ToHashSet(), attributes.Select(p => p.Key).ToHashSet());
        Assert.Equal(("storage_usage", 10.0), (row["type"]!.GetValue<string>(), attributes["raw_value"]!.GetValue<double>()));
        Assert.Matches("^[0-9]+$", attributes["storage_id"]!.GetValue<string>());
        Assert.DoesNotContain(bucket.Id, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/storage/usage", 422)]
    [InlineData("/storage/usage?filter[project]=proj_nope", 404)]
    [InlineData("/storage/usage?filter[project]=proj_6059EqYkOQj8p&filter[start_date]=soon", 422)]
    [InlineData("/storage/usage?filter[project]=proj_other", 404)]
    public async Task Usage_WithoutAKnownProjectOrWithABadDate_IsRefused(string path, int expected)
    {
        await using var sim = await LatitudeSimulator.StartAsync();

        var (status, _) = await Raw.SendAsync(sim, HttpMethod.Get, path, SimulatorSeed.Token);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Usage_AskedForAPeriod_ListsEveryDayOfIt_AndClampsTheFutureToToday()
    {
        var (sim, _, bucket) = await StartAsync();
        await using var disposeSim = sim;
        foreach (var day in Enumerable.Range(5, 7))
        {
            sim.SetStoredBytes(bucket.Id, day, new DateOnly(2026, 3, day));
        }

        var (_, body) = await Raw.SendAsync(sim, HttpMethod.Get, $"/storage/usage?filter[project]={SimulatorSeed.Project}&filter[start_date]=2026-03-06&filter[end_date]=2026-04-01", SimulatorSeed.Token);

        var dates = JsonNode.Parse(body)!["data"]!.AsArray().Select(r => r!["attributes"]!["date"]!.GetValue<string>());
        Assert.Equal(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"], dates);
    }

    [Fact]
    public async Task GetBucketUsage_TeamWithoutStorage_IsStorageNotEnabled()
    {
        await using var sim = await LatitudeSimulator.StartAsync();

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => Clients.ForSimulator(sim).ForToken(SimulatorSeed.NoStorageToken).GetBucketUsageAsync("proj_nostorage", "bkt_x"));

        Assert.Equal(LatitudeErrorKind.StorageNotEnabled, error.Kind);
    }

    private static async Task<(LatitudeSimulator Simulator, ILatitudeClient Client, Bucket Bucket)> StartAsync()
    {
        var sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Time = new FakeTimeProvider(Now) });
        var client = Clients.ForSimulator(sim).ForToken(SimulatorSeed.Token);
        return (sim, client, await client.CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = "measured", Region = "DAL" }));
    }
}
