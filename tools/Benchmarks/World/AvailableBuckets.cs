using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Models;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Status;
using BucketOperator.Operator.Storage;

namespace BucketOperator.Benchmarks.World;

/// <summary>
/// ObjectBuckets in the state the operator leaves them in once Available, made without the operator so thousands
/// take seconds, not the hours the API's 20 writes/min would: the bucket through the Latitude API, the object with
/// its finalizer, its status written by the operator's own <see cref="StatusUpdater"/>, and the Secret built by the
/// operator's own <see cref="ConnectionSecret"/>. Access keys are not made: a healthy object's reconcile checks the
/// Secret against status, not against the API. Scenarios check that the operator then writes nothing.
/// </summary>
internal sealed class AvailableBuckets(IKubernetesClient client, ILatitudeClient latitude, TimeProvider time)
{
    private const string Region = "DAL";

    private readonly StatusUpdater _status = new(client, new EventRecorder(client, new EventRecorderOptions { Component = "benchmark" }, time: time), time);

    /// <summary>Makes <paramref name="count"/> objects named <c>{prefix}-{i}</c> for i from <paramref name="from"/>, <paramref name="parallel"/> at a time.</summary>
    public Task CreateAsync(string @namespace, string prefix, int from, int count, int parallel, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(from, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (i, ct) => await CreateAsync(@namespace, $"{prefix}-{i}", ct));

    public async Task<ObjectBucket> CreateAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var bucket = await latitude.CreateBucketAsync(
            new CreateBucketRequest { Project = SimulatorSeed.Project, Name = name, Region = Region, StorageClass = Latitude.Models.StorageClasses.Standard }, cancellationToken);
        var created = await client.CreateAsync(
            new ObjectBucket
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Finalizers = [ObjectBucketNames.Finalizer] },
                Spec = new ObjectBucketSpec { Region = Region },
            },
            cancellationToken);
        var details = new ConnectionDetails(bucket.Id, bucket.BucketName, new Uri(bucket.Endpoint!), bucket.Region ?? Region);
        // A real key, as the operator names it: a made-up one would look revoked to the resync's key-list check.
        var key = await latitude.CreateAccessKeyAsync(CreateAccessKeyRequest.ForBucket(SimulatorSeed.Project, bucket, $"lob-{created.Metadata.Uid}-bench", details.Site), cancellationToken);
        var (accessKeyId, secretAccessKey) = (key.Credentials.AccessKeyId, key.Credentials.SecretAccessKey);
        var available = await _status.WriteAsync(
            created,
            ReadyState.BucketReady(bucket.BucketName, name),
            s => s with
            {
                BucketId = bucket.Id,
                BucketName = bucket.BucketName,
                Project = SimulatorSeed.Project,
                Endpoint = bucket.Endpoint,
                Region = details.Site,
                StorageClass = bucket.StorageClass,
                Versioning = false,
                ObjectLock = new ObjectLockStatus { Enabled = false },
                SecretName = name,
                CreatedAt = bucket.CreatedAt,
                AccessKeyId = accessKeyId,
                AccessKeyUsername = key.Key.Username,
            },
            cancellationToken);
        await client.CreateAsync(ConnectionSecret.Build(available, name, details, accessKeyId, secretAccessKey), cancellationToken);
        return available;
    }
}
