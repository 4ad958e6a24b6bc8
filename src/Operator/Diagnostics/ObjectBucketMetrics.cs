using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Operator.Diagnostics;

/// <summary>
/// Counts the cached ObjectBuckets by their Ready condition (status and reason), kept up to date from the
/// informer's notifications so a scrape costs nothing per object. Every replica reports its cache: aggregate
/// with <c>max</c>, not <c>sum</c>, across replicas.
/// </summary>
public sealed class ObjectBucketMetrics : IResourceEventHandler<ObjectBucket>
{
    // Weak, so a runtime nobody holds any more (tests start many) stops being reported.
    private static readonly ConditionalWeakTable<ObjectBucketMetrics, object> Observed = [];

    private static readonly ObservableGauge<long> Buckets = OperatorMeter.Meter.CreateObservableGauge(
        "latitude_operator_objectbuckets",
        () => Observed.SelectMany(entry => entry.Key.Counts()),
        description: "ObjectBuckets in the operator's cache by Ready status and reason (reason=\"\" before the operator's first status).");

    private readonly ConcurrentDictionary<ObjectKey, (string Status, string Reason)> _states = new();

    public ObjectBucketMetrics() => Observed.AddOrUpdate(this, Buckets);

    public void OnAdd(ObjectBucket obj) => _states[ObjectKey.Of(obj)] = StateOf(obj);

    public void OnUpdate(ObjectBucket oldObj, ObjectBucket newObj) => OnAdd(newObj);

    public void OnDelete(ObjectBucket obj, bool finalStateUnknown) => _states.TryRemove(ObjectKey.Of(obj), out _);

    private static (string Status, string Reason) StateOf(ObjectBucket bucket) =>
        Conditions.Find(bucket.Status?.Conditions, "Ready") is { } ready ? (ready.Status, ready.Reason) : ("Unknown", "");

    private IEnumerable<Measurement<long>> Counts() =>
        _states.Values
            .GroupBy(state => state)
            .Select(group => new Measurement<long>(group.Count(), new("ready", group.Key.Status), new("reason", group.Key.Reason)));
}
