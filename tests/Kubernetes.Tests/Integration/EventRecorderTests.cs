using System.Diagnostics.Metrics;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Diagnostics;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>The event recorder writing core/v1 Events on the real API server, with a fake clock for timestamps.</summary>
public sealed class EventRecorderTests(ControlPlaneFixture fixture) : NamespacedTest(fixture)
{
    private const string Component = "latitude-bucket-operator";
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RecordAsync_NewEvent_IsWrittenAboutTheObjectByTheComponent()
    {
        var involved = await CreateConfigMapAsync("cm");

        await Recorder().RecordAsync(involved, EventType.Warning, "BucketMissing", "gone from the project");

        var written = Assert.Single(await EventsAboutAsync(involved));
        var about = written.InvolvedObject;
        Assert.Equal(
            ("v1", "ConfigMap", Namespace, "cm", involved.Metadata.Uid, involved.Metadata.ResourceVersion),
            (about.ApiVersion, about.Kind, about.NamespaceProperty, about.Name, about.Uid, about.ResourceVersion));
        Assert.Equal(("Warning", "BucketMissing", "gone from the project", 1), (written.Type, written.Reason, written.Message, written.Count));
        Assert.Equal((Component, "test-instance", Component), (written.ReportingComponent, written.ReportingInstance, written.Source?.Component));
        Assert.Equal((_time.GetUtcNow().UtcDateTime, _time.GetUtcNow().UtcDateTime), (written.FirstTimestamp, written.LastTimestamp));
        Assert.StartsWith("cm.", written.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_SameEventThreeTimes_IsOneEventCountingThree()
    {
        var involved = await CreateConfigMapAsync("cm");
        var recorder = Recorder();
        var start = _time.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            await CreatedAsync(recorder, involved);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var written = Assert.Single(await EventsAboutAsync(involved));
        Assert.Equal((3, start.UtcDateTime, start.AddMinutes(2).UtcDateTime), (written.Count, written.FirstTimestamp, written.LastTimestamp));
    }

    [Fact]
    public async Task RecordAsync_ByARecorderWithoutMemoryOfIt_ContinuesTheServersCount()
    {
        var involved = await CreateConfigMapAsync("cm");
        await CreatedAsync(Recorder(), involved);
        await CreatedAsync(Recorder(), involved);

        await CreatedAsync(Recorder(), involved);

        Assert.Equal(3, Assert.Single(await EventsAboutAsync(involved)).Count);
    }

    [Fact]
    public async Task RecordAsync_AfterAQuietSpellLongerThanTheWindow_StartsOverAtOne()
    {
        var involved = await CreateConfigMapAsync("cm");
        var recorder = Recorder();
        await CreatedAsync(recorder, involved);
        await CreatedAsync(recorder, involved);
        _time.Advance(TimeSpan.FromMinutes(11));

        await CreatedAsync(recorder, involved);

        var written = Assert.Single(await EventsAboutAsync(involved));
        Assert.Equal((1, _time.GetUtcNow().UtcDateTime), (written.Count, written.FirstTimestamp));
    }

    [Fact]
    public async Task RecordAsync_DifferentMessages_AreSeparateEvents()
    {
        var involved = await CreateConfigMapAsync("cm");
        var recorder = Recorder();

        await recorder.RecordAsync(involved, EventType.Warning, "ProviderError", "timeout");
        await recorder.RecordAsync(involved, EventType.Warning, "ProviderError", "503");

        Assert.Equal(["503", "timeout"], (await EventsAboutAsync(involved)).Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_RememberedEventDeletedOnTheServer_IsWrittenAgain()
    {
        var involved = await CreateConfigMapAsync("cm");
        var recorder = Recorder();
        await CreatedAsync(recorder, involved);
        await Client.DeleteAsync<Corev1Event>(Assert.Single(await EventsAboutAsync(involved)).Metadata.Name!, Namespace);

        await CreatedAsync(recorder, involved);

        Assert.Equal(2, Assert.Single(await EventsAboutAsync(involved)).Count);
    }

    [Fact]
    public async Task RecordAsync_ClusterScopedObject_IsRecordedInTheDefaultNamespace()
    {
        var involved = (await Client.GetAsync<V1Namespace>(Namespace))!;

        await Recorder().RecordAsync(involved, EventType.Normal, "Inspected", Namespace);

        var written = (await Client.ListAsync<Corev1Event>("default")).Items.Single(e => e.InvolvedObject?.Uid == involved.Metadata.Uid);
        Assert.Equal(("Namespace", null), (written.InvolvedObject!.Kind, written.InvolvedObject.NamespaceProperty));
        await Client.DeleteAsync<Corev1Event>(written.Metadata.Name!, "default");
    }

    [Fact]
    public async Task RecordAsync_ClientWithoutRights_DoesNotThrowAndCountsTheFailure()
    {
        var involved = await CreateConfigMapAsync("cm");
        var reason = "Forbidden" + Guid.NewGuid().ToString("N");
        using var failures = new FailureCounter(reason);
        using var nobody = Plane.CreateClient(context: "nobody");

        await Recorder(nobody).RecordAsync(involved, EventType.Warning, reason, "not allowed");

        Assert.Equal(1, failures.Count);
        Assert.Empty(await EventsAboutAsync(involved));
    }

    [Fact]
    public async Task RecordAsync_CancelledByTheCaller_Throws()
    {
        var involved = await CreateConfigMapAsync("cm");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Recorder().RecordAsync(involved, EventType.Normal, "Created", "bucket created", cancelled.Token));
        Assert.Empty(await EventsAboutAsync(involved));
    }

    private EventRecorder Recorder(IKubernetesClient? client = null) =>
        new(client ?? Client, new EventRecorderOptions { Component = Component, Instance = "test-instance" }, time: _time);

    private static Task CreatedAsync(IEventRecorder recorder, V1ConfigMap involved) =>
        recorder.RecordAsync(involved, EventType.Normal, "Created", "bucket created");

    private Task<V1ConfigMap> CreateConfigMapAsync(string name) =>
        Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace } });

    private async Task<List<Corev1Event>> EventsAboutAsync(IKubernetesObject involved) =>
        (await Client.ListAsync<Corev1Event>(Namespace)).Items.Where(e => e.InvolvedObject?.Uid == involved.Metadata.Uid).ToList();

    /// <summary>Counts <c>kubernetes.events.failed</c> measurements tagged with one reason (other tests may record at the same time).</summary>
    private sealed class FailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public FailureCounter(string reason)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuntimeMeter.Name && instrument.Name == "kubernetes.events.failed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "reason", Value: string r } && r == reason)
                    {
                        Interlocked.Add(ref _count, (int)value);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
