using BenchmarkDotNet.Attributes;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Controller;

namespace BucketOperator.Benchmarks.Reconcile;

/// <summary>
/// BenchmarkDotNet: CPU time and allocations of one reconcile of an unchanged, Available ObjectBucket (what every
/// resync costs per object), and of the two cache reads it starts with, to show their share.
/// </summary>
#pragma warning disable CA1001 // The fixture is disposed in GlobalCleanup, BenchmarkDotNet's end of the lifetime.
public class ReconcileBenchmarks
#pragma warning restore CA1001
{
    private ReconcileFixture? _fixture;

    private ReconcileFixture Fixture => _fixture ?? throw new InvalidOperationException("GlobalSetup has not run");

    // BenchmarkDotNet 0.14's in-process toolchain does not await a Task-returning setup or cleanup, so these block.
    [GlobalSetup]
    public void Setup() => _fixture = ReconcileFixture.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => Fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "reconcile of an unchanged Available ObjectBucket")]
    public Task<ReconcileResult> ReconcileUnchanged() => Fixture.Reconciler.ReconcileAsync(Fixture.Key, CancellationToken.None);

    [Benchmark(Description = "of which: cache read of the ObjectBucket (shared instance)")]
    public ObjectBucket? ReadObjectBucket() => Fixture.Buckets.Get(Fixture.Key);

    [Benchmark(Description = "of which: cache read of its Secret (shared instance)")]
    public V1Secret? ReadSecret() => Fixture.Secrets.Get(Fixture.Key);
}
