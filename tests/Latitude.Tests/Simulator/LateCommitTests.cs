using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;
using BucketOperator.TestSupport;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>
/// Writes that happen although the client gave up: committed at once but answered too late, or committed
/// only after the client's deadline. Either way exactly one bucket results, and a second create meets it.
/// </summary>
public sealed class LateCommitTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = new LatitudeClientOptions().RequestTimeout;
    private readonly FakeTimeProvider _time = new();
    private LatitudeSimulator _sim = null!;
    private ILatitudeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await LatitudeSimulator.StartAsync(new SimulatorOptions { Time = _time });
        _client = Clients.ForSimulator(_sim, _time).ForToken(SimulatorSeed.Token);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CreateBucket_AnsweredAfterTheDeadline_IsUnknownOutcome_BucketExistsOnce_SecondCreateConflicts()
    {
        _sim.Faults.DelayResponseAfterCommit("POST", "/storage/buckets", Deadline * 4);

        var error = await GiveUpOnCreateAsync("late-answer");
        var listed = await _client.ListBucketsAsync(SimulatorSeed.Project);
        var second = await Assert.ThrowsAsync<LatitudeApiException>(() => _client.CreateBucketAsync(Request("late-answer")));

        Assert.Equal((LatitudeErrorKind.ProviderError, true), (error.Kind, error.OutcomeUnknown));
        Assert.Single(listed, b => b.IsNamed("late-answer"));
        Assert.Equal(LatitudeErrorKind.Conflict, second.Kind);
        Assert.Single(_sim.State.Buckets, b => b.Name == "late-answer");
    }

    [Fact]
    public async Task CreateBucket_CommittedAfterTheDeadline_AppearsOnlyThen_BucketExistsOnce_SecondCreateConflicts()
    {
        _sim.Faults.CommitAfter("POST", "/storage/buckets", Deadline * 4);

        var error = await GiveUpOnCreateAsync("late-commit");
        var listedBefore = await _client.ListBucketsAsync(SimulatorSeed.Project);
        _time.Advance(Deadline * 3);
        await _sim.Requests.WaitForAsync("POST", "/storage/buckets");
        var listedAfter = await _client.ListBucketsAsync(SimulatorSeed.Project);
        var second = await Assert.ThrowsAsync<LatitudeApiException>(() => _client.CreateBucketAsync(Request("late-commit")));

        Assert.Equal((LatitudeErrorKind.ProviderError, true), (error.Kind, error.OutcomeUnknown));
        Assert.DoesNotContain(listedBefore, b => b.IsNamed("late-commit"));
        Assert.Single(listedAfter, b => b.IsNamed("late-commit"));
        Assert.Equal(LatitudeErrorKind.Conflict, second.Kind);
        Assert.Single(_sim.State.Buckets, b => b.Name == "late-commit");
    }

    /// <summary>Starts a create, lets the client's deadline pass once both it and the simulator wait on the clock, and returns the failure.</summary>
    private async Task<LatitudeApiException> GiveUpOnCreateAsync(string name)
    {
        var create = _client.CreateBucketAsync(Request(name));
        await _time.WaitForTimersAsync(2);
        _time.Advance(Deadline);
        return await Assert.ThrowsAsync<LatitudeApiException>(() => create);
    }

    private static CreateBucketRequest Request(string name) => new() { Project = SimulatorSeed.Project, Name = name, Region = "DAL" };
}
