using System.Text;
using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Tests.Support;
using BucketOperator.TestSupport;
using Xunit.Abstractions;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// Issue 9 item 7: the provider answers with truncated JSON, HTML error pages, wrong types, missing IDs, a 201
/// without a body, or a huge body. Each time: a clear ProviderError naming the call and what was wrong (seen as a
/// Warning Event, since the condition moves on), no crash (no reconcile ends in an exception), and never a second
/// bucket or a second live key, because an unreadable answer to a write counts as "outcome unknown": the operator
/// lists and adopts what the write made.
/// </summary>
public sealed class MalformedAnswerTests : ProviderFaultTest
{
    private const string Html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

    public MalformedAnswerTests(ControlPlaneFixture fixture, ITestOutputHelper output)
        : base(fixture, output) => TerminalRetry = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task CreateBucket_CommittedThenAnsweredUnreadably_EachObjectAdoptsItsOneBucket()
    {
        (int Status, string Body, string Context)[] answers =
        [
            (201, "{\"data\":{\"id\":\"bkt_x\",\"type\":\"object_storages\",\"attributes\":{\"name\":\"trunc", "unreadable response body"),
            (200, Html, "unreadable response body"),
            (502, Html, "Bad Gateway"),
            (201, "{\"data\":{\"id\":42,\"type\":\"object_storages\",\"attributes\":{\"name\":[\"x\"],\"storage_class\":7}}}", "unreadable response body"),
            (201, "{\"data\":{\"type\":\"object_storages\",\"attributes\":{\"name\":\"x\",\"bucket_name\":\"x\",\"storage_class\":\"standard\"}}}", "without an id"),
            (201, "", "unreadable response body"),
            (201, "{\"data\":{\"type\":\"object_storages\",\"attributes\":{\"padding\":\"" + new string('x', 8_000_000) + "\"}}}", "without an id"),
        ];

        await OneAnswerPerObjectAsync("garbled", "/storage/buckets", answers);

        Assert.Equal(answers.Length, Simulator.Requests.Count("POST", "/storage/buckets"));
    }

    [Fact]
    public async Task CreateAccessKey_CommittedThenAnsweredUnreadably_OneLiveKeyEach()
    {
        (int Status, string Body, string Context)[] answers =
        [
            (201, "{\"data\":{\"type\":\"access_keys\",\"attributes\":{\"access_key\":{\"access_key_id\":\"AKIA", "unreadable response body"),
            (502, Html, "Bad Gateway"),
            (201, "{\"data\":{\"type\":\"access_keys\",\"attributes\":{\"access_key\":{\"access_key_id\":\"AKIAEXAMPLE\",\"name\":\"k\"}}}}", "without a secret"),
            (201, "", "unreadable response body"),
        ];

        await OneAnswerPerObjectAsync("keyless", "/storage/access_keys", answers);
    }

    [Fact]
    public async Task Lists_Malformed_WhileAdopting_ProviderErrorThenAdoptsTheOneBucket()
    {
        var created = await CreatedWhileStoppedAsync("adopt-me");
        Simulator.Faults.RespondNext("GET", "/storage/buckets", 200, $"{{\"data\":[{{\"id\":\"{created.Id}\",\"type\":\"object_storages\",\"attributes\":{{\"bucket_name\":\"adopt-me\"}}}}]}}");
        Simulator.Faults.RespondNext("GET", "/storage/access_keys", 200, "{\"data\":\"oops\"}");

        await StartOperatorAsync();

        await AssertConvergedAfterWarningsAsync(
            ["adopt-me"],
            [("adopt-me", "GET /storage/buckets", "without the required attribute 'name'"), ("adopt-me", "GET /storage/access_keys", "'data' is a String")]);
    }

    [Fact]
    public async Task BucketListedWithoutEndpoint_AsInTheDocumentedListExample_AdoptionStillConverges()
    {
        var created = await CreatedWhileStoppedAsync("listed");
        // object-storage.md §3.1: the list example carries no endpoint.
        Simulator.Faults.RespondNext("GET", "/storage/buckets", 200, $"{{\"data\":[{{\"id\":\"{created.Id}\",\"type\":\"object_storages\",\"attributes\":{{\"name\":\"listed\",\"bucket_name\":\"listed\",\"storage_class\":\"standard\",\"source\":\"default\",\"region\":{{\"id\":\"DAL\",\"city\":\"DAL\",\"country\":\"United States\"}}}}}}]}}");

        await StartOperatorAsync();

        await AssertConvergedAfterWarningsAsync(["listed"], []);
    }

    [Fact]
    public async Task HugeErrorDetail_ConditionMessageStaysReadable()
    {
        var detail = "Validation failed: " + string.Concat(Enumerable.Repeat("name is not acceptable; ", 5_000));
        // Twice: the finalizer the first pass adds is an update that earns the new object a second pass at once.
        // After that the verdict must hold (a long terminal retry) while it is inspected.
        var refusal = $"{{\"errors\":[{{\"code\":\"VALIDATION_ERROR\",\"status\":\"422\",\"title\":\"Validation Error\",\"detail\":\"{detail}\"}}]}}";
        Simulator.Faults.RespondNext("POST", "/storage/buckets", 422, refusal, times: 2);
        await StopOperatorAsync();
        TerminalRetry = TimeSpan.FromMinutes(5);
        await StartOperatorAsync();

        await Admin.CreateAsync(Bucket("verbose"));

        var refused = await WaitForReadyAsync("verbose", ReadyReasons.InvalidSpec);
        var message = refused.Status!.Conditions!.Single(c => c.Type == ObjectBucketNames.ReadyCondition).Message;
        Print($"a {Encoding.UTF8.GetByteCount(detail)}-byte error detail became a {message.Length}-character condition message");
        Assert.StartsWith("POST /storage/buckets: Validation failed: name is not acceptable", message, StringComparison.Ordinal);
        Assert.True(message.Length <= StatusUpdater.MaxMessageLength + "…".Length, $"condition message of {message.Length} characters");
        Assert.Empty(Simulator.State.Buckets);
        await AssertSecretsStaySecretAsync();
    }

    /// <summary>
    /// The operator stopped after recording its create intent, and the create happened (its answer lost): on start it
    /// lists the project's buckets to adopt its own.
    /// </summary>
    private async Task<Bucket> CreatedWhileStoppedAsync(string name)
    {
        await StopOperatorAsync();
        await RecordIntentAsync(name, DateTimeOffset.UtcNow);
        return await LatitudeAsUser().CreateBucketAsync(new CreateBucketRequest { Project = SimulatorSeed.Project, Name = name, Region = "DAL", StorageClass = "standard" });
    }

    /// <summary>
    /// For each answer in turn: the next <c>POST <paramref name="path"/></c> commits and gets that answer; a new
    /// object meets it, and converges before the next answer is scripted, so each object meets exactly one.
    /// </summary>
    private async Task OneAnswerPerObjectAsync(string prefix, string path, IReadOnlyList<(int Status, string Body, string Context)> answers)
    {
        var names = new List<string>();
        foreach (var (status, body, _) in answers)
        {
            var name = $"{prefix}-{names.Count}";
            names.Add(name);
            Simulator.Faults.RespondAfterCommit("POST", path, status, body);
            await Admin.CreateAsync(Bucket(name));
            await WaitForReadyAsync(name, ReadyReasons.Available, TimeSpan.FromSeconds(60));
        }

        await AssertConvergedAfterWarningsAsync(names, answers.Select((a, i) => (names[i], "POST " + path, a.Context)));
    }

    /// <summary>
    /// Every object Available with one bucket and one live key, no reconcile ended in an exception, and for each
    /// malformed answer a Warning Event on its object naming the call and what was wrong with the answer.
    /// </summary>
    private async Task AssertConvergedAfterWarningsAsync(IReadOnlyList<string> names, IEnumerable<(string Name, string Operation, string Context)> warnings)
    {
        await WaitForAllAvailableAsync(names, TimeSpan.FromSeconds(90));
        await AssertOneBucketAndOneKeyEachAsync(names);
        var events = (await Admin.ListAsync<Corev1Event>(Namespace)).Items.Where(e => e.Reason == ReadyReasons.ProviderError).ToList();
        foreach (var e in events)
        {
            Print($"{e.InvolvedObject?.Name}: {e.Reason}: {e.Message}");
        }

        foreach (var (name, operation, context) in warnings)
        {
            Assert.Contains(events, e => e.InvolvedObject?.Name == name && e.Message!.StartsWith(operation, StringComparison.Ordinal) && e.Message.Contains(context, StringComparison.Ordinal));
        }

        var outcomes = ReconcileCounts.ByOutcome(Logs.Messages, Namespace);
        Assert.False(outcomes.ContainsKey("error"), "reconciles ended in an exception:\n" + string.Join('\n', Logs.Messages.Where(l => l.StartsWith("Reconcile of", StringComparison.Ordinal)).Take(3)));
        await AssertSecretsStaySecretAsync();
    }
}
