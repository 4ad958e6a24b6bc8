using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public async Task AdvanceUntil_CodeBusyBetweenWaits_EachWaitEndsExactlyAtItsDueTime()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var woke = new List<TimeSpan>();
        var flow = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                // Real I/O between waits: the fake clock must stand still while it runs.
                await Task.Delay(TimeSpan.FromMilliseconds(40), TimeProvider.System);
                await Task.Delay(TimeSpan.FromSeconds(10), time);
                woke.Add(time.GetUtcNow() - start);
            }
        });

        await time.AdvanceUntilAsync(() => flow.IsCompleted, TimeSpan.FromMinutes(5));
        await flow;

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)], woke);
    }
}
