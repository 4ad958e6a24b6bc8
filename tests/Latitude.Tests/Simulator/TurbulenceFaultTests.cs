using System.Text.Json;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>
/// The random faults a turbulence test turns on (429s, latency spikes on either side of the commit), malformed
/// answers to committed writes, and a scaled rate-limit window: each does what it says, on the simulator's clock.
/// </summary>
public sealed class TurbulenceFaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private LatitudeSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Time = _time, WritesPerMinute = 2, RateLimitWindow = TimeSpan.FromSeconds(6) });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task RateLimitedRate_One_AnswersTheDocumented429WithRetryAfter_AndCreatesNothing()
    {
        _sim.Faults.RateLimitedRate = 1;
        _sim.Faults.RateLimitedRetryAfter = TimeSpan.FromSeconds(3);

        var (status, body) = await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("throttled"));

        Assert.Equal(429, status);
        using var document = JsonDocument.Parse(body);
        var error = document.RootElement.GetProperty("errors")[0];
        Assert.Equal(("RATE_LIMIT_EXCEEDED", 3), (error.GetProperty("code").GetString(), error.GetProperty("meta").GetProperty("retry_after").GetInt32()));
        Assert.Empty(_sim.State.Buckets);
        Assert.Equal((0, 1, 0, 0), _sim.Faults.Injected);
    }

    [Fact]
    public async Task LateCommitRate_One_CommitsOnlyAfterTheSpike()
    {
        _sim.Faults.LateCommitRate = 1;

        var (create, committed, answered) = await SpikedCreateAsync("late-commit");

        Assert.Equal((0, false, 201), (committed, answered, (await create).Status));
        Assert.Single(_sim.State.Buckets);
        Assert.Equal((0, 0, 1, 0), _sim.Faults.Injected);
    }

    [Fact]
    public async Task LateAnswerRate_One_CommitsAtOnce_AnswersAfterTheSpike()
    {
        _sim.Faults.LateAnswerRate = 1;

        var (create, committed, answered) = await SpikedCreateAsync("late-answer");

        Assert.Equal((1, false, 201), (committed, answered, (await create).Status));
        Assert.Equal((0, 0, 0, 1), _sim.Faults.Injected);
    }

    [Fact]
    public async Task RespondAfterCommit_CreatesTheBucket_AndSendsTheScriptedBody()
    {
        _sim.Faults.RespondAfterCommit("POST", "/storage/buckets", 201, "{\"data\":{\"type\":\"object_st");

        var (status, body) = await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("garbled"));

        Assert.Equal((201, "{\"data\":{\"type\":\"object_st"), (status, body));
        Assert.Equal("garbled", Assert.Single(_sim.State.Buckets).Name);
    }

    /// <summary>Sends a create, looks at the world while its spike holds it (buckets, whether it was answered), then lets the longest spike pass.</summary>
    private async Task<(Task<(int Status, string Body)> Create, int Committed, bool Answered)> SpikedCreateAsync(string name)
    {
        _sim.Faults.MaxLatencySpike = TimeSpan.FromSeconds(20);
        var create = Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket(name));
        await _time.WaitForTimersAsync();
        var seen = (create, _sim.State.Buckets.Count, create.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(20));
        return seen;
    }

    [Fact]
    public async Task RateLimitWindow_Scaled_CountsWritesPerWindow_AndRecordsArrival()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("windowed-" + i))).Status);
        }

        _time.Advance(TimeSpan.FromSeconds(6));
        statuses.Add((await Raw.SendAsync(_sim, HttpMethod.Post, "/storage/buckets", SimulatorSeed.Token, Raw.Bucket("windowed-3"))).Status);

        Assert.Equal([201, 201, 429, 201], statuses);
        Assert.Equal(TimeSpan.FromSeconds(6), _sim.Requests.Entries[3].ReceivedAt - _sim.Requests.Entries[0].ReceivedAt);
    }
}
