using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Latitude.Tests.Client;

namespace BucketOperator.Latitude.Tests.Simulator;

/// <summary>A create the API refused, whose answer was lost: the caller sees an unknown outcome, and nothing exists.</summary>
public sealed class RefuseAndDropTests : IAsyncLifetime
{
    private LatitudeSimulator _sim = null!;
    private ILatitudeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await LatitudeSimulator.StartAsync();
        _client = Clients.ForSimulator(_sim).ForToken(SimulatorSeed.Token);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CreateBucket_RefusedAndDropped_IsUnknownOutcome_NothingExists_NextCreateSucceeds()
    {
        _sim.Faults.RefuseAndDropResponse("POST", "/storage/buckets");

        var error = await Assert.ThrowsAsync<LatitudeApiException>(() => _client.CreateBucketAsync(Request("refused")));
        var listed = await _client.ListBucketsAsync(SimulatorSeed.Project);
        var bucketsAfterRefusal = _sim.State.Buckets.Count;
        var retried = await _client.CreateBucketAsync(Request("refused"));

        Assert.Equal((LatitudeErrorKind.ProviderError, 0, true), (error.Kind, error.HttpStatus, error.OutcomeUnknown));
        Assert.Empty(listed);
        Assert.Equal(0, bucketsAfterRefusal);
        Assert.True(retried.IsNamed("refused"));
        Assert.Equal([0, 201], _sim.Requests.Entries.Where(e => e.Method == "POST").Select(e => e.Status));
    }

    [Fact]
    public async Task CreateAccessKey_RefusedAndDropped_LeavesNoKey()
    {
        await _client.CreateBucketAsync(Request("keyed"));
        _sim.Faults.RefuseAndDropResponse("POST", "/storage/access_keys");

        await Assert.ThrowsAsync<HttpRequestException>(() => Raw.SendAsync(_sim, HttpMethod.Post, "/storage/access_keys", SimulatorSeed.Token, Raw.Key(SimulatorSeed.Project, "standard", "DAL")));

        Assert.Empty(_sim.State.AccessKeys);
        Assert.Empty(_sim.State.IssuedSecrets);
    }

    private static CreateBucketRequest Request(string name) => new() { Project = SimulatorSeed.Project, Name = name, Region = "DAL" };
}
