using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

public sealed class QueueStressTests
{
    private const int Keys = 50;
    private const int Adds = 100_000;
    private const int Producers = 4;
    private const int Workers = 16;

    [Fact]
    public async Task GetAsync_ManyWorkersAndProducers_KeyNeverHeldTwiceAndLastAddAlwaysProcessed()
    {
        using var queue = TestQueues.Create(new FakeTimeProvider(), name: "stress");
        var names = Enumerable.Range(0, Keys).Select(i => $"key-{i}").ToArray();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var holders = new int[Keys];

        // Set before each add and cleared when a worker takes the key: a 1 left at the end is an add no worker saw.
        var unseenAdd = new int[Keys];
        var overlaps = 0;
        var processed = 0;

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (await queue.GetAsync() is (var key, false))
            {
                var i = index[key];
                Volatile.Write(ref unseenAdd[i], 0);
                if (Interlocked.Increment(ref holders[i]) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                // Holding the key across a scheduling point lets other workers and producers run meanwhile.
                await Task.Yield();
                Interlocked.Decrement(ref holders[i]);
                Interlocked.Increment(ref processed);
                queue.Done(key);
            }
        })).ToArray();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            var random = new Random(p);
            for (var n = 0; n < Adds / Producers; n++)
            {
                // On few cores, producers that never yield would finish before any worker ran, and nothing would race.
                if (n % 16 == 0)
                {
                    await Task.Yield();
                }

                var i = random.Next(Keys);
                Volatile.Write(ref unseenAdd[i], 1);
                queue.Add(names[i]);
            }
        })).ToArray();

        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromMinutes(1));
        await queue.ShutDownWithDrainAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, overlaps);
        Assert.Equal(new int[Keys], unseenAdd);
        Assert.InRange(processed, Keys, Adds);
        Assert.Equal(0, queue.Length);
    }
}
