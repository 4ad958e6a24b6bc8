using BucketOperator.Entities;
using BucketOperator.Operator.Reconciliation;
using BucketOperator.Operator.Status;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class RetryPacerTests
{
    private static readonly ReadyState Transient = ReadyState.Progressing(ReadyReasons.ProviderError, "503");
    private static readonly ReadyState Terminal = ReadyState.Failed(ReadyReasons.InvalidRegion, "no such site");
    private readonly FakeTimeProvider _time = new();
    private readonly RetryPacer _pacer;

    public RetryPacerTests() => _pacer = new RetryPacer(new ReconcilerOptions(), _time);

    [Fact]
    public void TransientFailures_Wait5sDoublingWithJitter_CappedAt5Minutes()
    {
        var bucket = Buckets.New();
        var waits = Enumerable.Range(0, 10).Select(_ => _pacer.Failed(bucket, "t", Transient, null)).ToList();

        Assert.InRange(waits[0], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6.25));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5));
        Assert.InRange(waits[^1], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6.25));
    }

    [Fact]
    public void TerminalFailures_Wait5MinutesDoubling_CappedAtAnHour()
    {
        var bucket = Buckets.New();
        var waits = Enumerable.Range(0, 8).Select(_ => _pacer.Failed(bucket, "t", Terminal, null)).ToList();

        Assert.InRange(waits[0], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6.25));
        Assert.InRange(waits[^1], TimeSpan.FromHours(1), TimeSpan.FromHours(1.25));
    }

    [Fact]
    public void RetryAfter_LongerThanTheBackoff_IsHonoured()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), _pacer.Failed(Buckets.New(), "t", Transient, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Wait_UntilDue_ThenNone()
    {
        var bucket = Buckets.New();
        var wait = _pacer.Failed(bucket, "t", Terminal, null);

        _time.Advance(wait - TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), _pacer.Wait(bucket, "t"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_pacer.Wait(bucket, "t"));
    }

    [Fact]
    public void Wait_NewGenerationAdoptAnnotationOrToken_ActsAtOnce()
    {
        var bucket = Buckets.New();
        _pacer.Failed(bucket, "t", Terminal, null);
        var adopting = Buckets.New();
        adopting.Metadata.Annotations = new Dictionary<string, string> { [ObjectBucketNames.AdoptAnnotation] = "true" };
        var changed = Buckets.New();
        changed.Metadata.Generation = 2;

        Assert.NotNull(_pacer.Wait(bucket, "t"));
        Assert.Null(_pacer.Wait(bucket, "another token"));
        Assert.Null(_pacer.Wait(adopting, "t"));
        Assert.Null(_pacer.Wait(changed, "t"));
    }

    [Fact]
    public void Reset_StartsTheNextFailureFromTheFirstWait()
    {
        var bucket = Buckets.New();
        _pacer.Failed(bucket, "t", Transient, null);
        _pacer.Failed(bucket, "t", Transient, null);

        _pacer.Reset(bucket.Metadata.Uid);

        Assert.Null(_pacer.Wait(bucket, "t"));
        Assert.InRange(_pacer.Failed(bucket, "t", Transient, null), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6.25));
    }
}
