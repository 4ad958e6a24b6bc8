using System.Text;
using BucketOperator.ControlPlane;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// One end-to-end world per test: a namespace on the shared real API server, a Latitude simulator backed by a
/// real S3 server, and the operator running in-process as its service account (config/rbac only), watching
/// that namespace. Rate limits are scaled up together (client and simulator) so tests run in seconds.
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
#pragma warning disable CA1001 // _stop is disposed in StopOperatorAsync, which DisposeAsync (xUnit's lifetime) calls.
public abstract class OperatorTest : IAsyncLifetime
{
    private readonly ILoggerFactory _loggers;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private BucketOperatorRuntime? _runtime;
    private readonly List<string> _cacheViolations = [];

    protected OperatorTest(ControlPlaneFixture fixture)
    {
        Plane = fixture.Plane;
        Admin = fixture.Plane.CreateClient(BucketOperatorRuntime.Json);
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    /// <summary>The Latitude rate limits of the simulator and of the operator's client, scaled up together (the API's are 60 and 20).</summary>
    protected const int ReadsPerMinute = 6000;

    protected const int WritesPerMinute = 2000;

    protected LocalControlPlane Plane { get; }

    protected KubernetesClient Admin { get; }

    protected string Namespace { get; private set; } = "";

    /// <summary>A second watched namespace (another team), for tests that set <see cref="WatchesSecondNamespace"/>.</summary>
    protected string SecondNamespace { get; private set; } = "";

    /// <summary>Whether the operator serves <see cref="SecondNamespace"/> too (one list+watch per namespace, as a multi-namespace install).</summary>
    protected virtual bool WatchesSecondNamespace => false;

    /// <summary>Whether the operator runs with config/rbac/namespaced's Roles in its watched namespaces only, instead of the ClusterRole.</summary>
    protected virtual bool NamespacedRbac => false;

    protected LatitudeSimulator Simulator { get; private set; } = null!;

    protected ListLoggerProvider Logs { get; } = new();

    /// <summary>False for tests that run the operator as a process of its own (<see cref="OperatorProcess"/>).</summary>
    protected virtual bool OperatorInProcess => true;

    /// <summary>Which API version the simulator imitates; override per test class.</summary>
    protected virtual ResponseShape Shape => ResponseShape.Current;

    /// <summary>The operator's resync period (drift checks); long by default so only the test's own changes cause reconciles.</summary>
    protected TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Short, so "retried slowly" is observable in a test.</summary>
    protected TimeSpan TerminalRetry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait after a transient Latitude failure: short, as the rate limits are scaled up; tests of the pacing itself set the product's 5 s.</summary>
    protected TimeSpan ProviderRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait after transient failures in a row: the product's 5 min, unless a test scales the API's minute.</summary>
    protected TimeSpan MaxProviderRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How the simulator starts: with real S3, and rate limits scaled up together with <see cref="LatitudeOptions"/>'s.</summary>
    protected virtual SimulatorOptions SimulatorOptions => new() { Shape = Shape, S3 = new S3ServerOptions(), ReadsPerMinute = ReadsPerMinute, WritesPerMinute = WritesPerMinute };

    /// <summary>The operator's Latitude client settings (read once the simulator runs): a 5 s deadline, limits to match the simulator's.</summary>
    protected virtual LatitudeClientOptions LatitudeOptions =>
        new() { BaseAddress = Simulator.BaseAddress, ReadsPerMinute = ReadsPerMinute, WritesPerMinute = WritesPerMinute, RequestTimeout = TimeSpan.FromSeconds(5) };

    public async Task InitializeAsync()
    {
        var created = await Admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "e2e-" } });
        Namespace = created.Metadata.Name!;
        if (WatchesSecondNamespace)
        {
            SecondNamespace = (await Admin.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "e2e-b-" } })).Metadata.Name!;
        }

        Simulator = await LatitudeSimulator.StartAsync(SimulatorOptions);
        if (OperatorInProcess)
        {
            await StartOperatorAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await StopOperatorAsync();
        var processOutput = await StopTestProcessesAsync();
        if (Environment.GetEnvironmentVariable("E2E_LOG_DIR") is { Length: > 0 } directory)
        {
            // For debugging a failed run: everything the operator logged in this test.
            await File.WriteAllLinesAsync(Path.Combine(directory, $"{GetType().Name}-{Namespace}.log"), Logs.Messages);
            if (processOutput.Count > 0)
            {
                await File.WriteAllLinesAsync(Path.Combine(directory, $"{GetType().Name}-{Namespace}-processes.log"), processOutput);
            }
        }

        var secrets = Secrets();

        await Simulator.DisposeAsync();
        await Admin.DeleteAsync<V1Namespace>(Namespace);
        if (SecondNamespace.Length > 0)
        {
            await Admin.DeleteAsync<V1Namespace>(SecondNamespace);
        }

        Admin.Dispose();
        _loggers.Dispose();

        // And as a check of the cache's contract: nothing the operator ran changed a shared cache object.
        Assert.True(_cacheViolations.Count == 0, string.Join('\n', _cacheViolations));

        // Every end-to-end test doubles as a leak check: nothing it made the operator handle may reach a log.
        SecretScan.AssertAbsent(Logs.Messages, secrets, "the operator's log");
        SecretScan.AssertAbsent(processOutput, secrets, "the operator processes' output");
    }

    /// <summary>
    /// For tests that start processes of their own: stop them here, before the world they use is torn down, and
    /// return everything they wrote (kept with the logs, and checked for secrets like them).
    /// </summary>
    protected virtual Task<IReadOnlyList<string>> StopTestProcessesAsync() => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Starts (or restarts) the operator process-equivalent: new caches, queue and clients; nothing carried over.</summary>
    protected async Task StartOperatorAsync()
    {
        var client = new KubernetesClient(await OperatorAccessAsync(), BucketOperatorRuntime.Json);
        var options = new OperatorOptions
        {
            LatitudeApiUrl = Simulator.BaseAddress,
            LatitudeToken = SimulatorSeed.Token,
            DefaultProject = SimulatorSeed.Project,
            WatchNamespaces = WatchesSecondNamespace ? [Namespace, SecondNamespace] : [Namespace],
            Workers = 4,
            ResyncPeriod = ResyncPeriod,
            TerminalRetry = TerminalRetry,
            ProviderRetry = ProviderRetry,
            MaxProviderRetry = MaxProviderRetry,
            CheckCacheReadOnly = true,
        };
        options = Configure(options);
        var latitudeOptions = LatitudeOptions;
        var latitude = new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(latitudeOptions), latitudeOptions, loggers: _loggers);
        var runtime = _runtime = new BucketOperatorRuntime(client, options, latitude, _loggers);
        var stop = _stop = new CancellationTokenSource();
        _running = Task.Run(() => runtime.RunAsync(stop.Token));
    }

    /// <summary>How the operator reaches the API server: as its service account, with config/rbac's ClusterRole or (<see cref="NamespacedRbac"/>) the namespaced Roles.</summary>
    protected virtual async Task<k8s.KubernetesClientConfiguration> OperatorAccessAsync() => NamespacedRbac
        ? await OperatorInstallation.InstallNamespacedAsync(Plane, WatchesSecondNamespace ? [Namespace, SecondNamespace] : [Namespace])
        : await OperatorAccess.ConfigureAsync(Plane);

    /// <summary>Changes the operator's settings before it starts (e.g. a token file instead of the token).</summary>
    protected virtual OperatorOptions Configure(OperatorOptions options) => options;

    protected async Task StopOperatorAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _running!;
        _stop.Dispose();
        _stop = null;
        _cacheViolations.AddRange(_runtime!.CacheReadOnlyViolations);
    }

    protected ObjectBucket Bucket(string name, string region = "DAL", Func<ObjectBucketSpec, ObjectBucketSpec>? spec = null, string? inNamespace = null)
    {
        var initial = new ObjectBucketSpec { Region = region };
        return new ObjectBucket { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = inNamespace ?? Namespace }, Spec = spec?.Invoke(initial) ?? initial };
    }

    /// <summary>Polls the server until Ready has <paramref name="reason"/> for the current generation; returns the object.</summary>
    protected async Task<ObjectBucket> WaitForReadyAsync(string name, string reason, TimeSpan? timeout = null, string? inNamespace = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        ObjectBucket? bucket = null;
        while (DateTime.UtcNow < deadline)
        {
            bucket = await Admin.GetAsync<ObjectBucket>(name, inNamespace ?? Namespace);
            var ready = bucket?.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition);
            if (ready?.Reason == reason && ready.ObservedGeneration == bucket!.Metadata.Generation)
            {
                return bucket;
            }

            await Task.Delay(100);
        }

        var last = bucket?.Status?.Conditions?.FirstOrDefault(c => c.Type == ObjectBucketNames.ReadyCondition);
        throw new TimeoutException($"{name}: Ready never reached {reason}; last: {last?.Status}/{last?.Reason}: {last?.Message}\nlogs:\n{string.Join('\n', Logs.Messages.TakeLast(30))}");
    }

    protected async Task<IReadOnlyDictionary<string, string>> SecretValuesAsync(string name, string? inNamespace = null)
    {
        var secret = await Admin.GetAsync<V1Secret>(name, inNamespace ?? Namespace) ?? throw new InvalidOperationException($"no Secret {name}");
        return secret.Data!.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value));
    }

    protected async Task<IReadOnlyList<Corev1Event>> EventsAsync(string objectName, string? inNamespace = null) =>
        (await Admin.ListAsync<Corev1Event>(inNamespace ?? Namespace)).Items.Where(e => e.InvolvedObject?.Name == objectName).ToList();

    /// <summary>What a crash right after the intent write leaves: the object with our finalizer and status.createPending.</summary>
    protected Task<ObjectBucket> RecordIntentAsync(string name, DateTimeOffset at) => RecordIntentAsync(Bucket(name), at);

    /// <inheritdoc cref="RecordIntentAsync(string, DateTimeOffset)"/>
    protected async Task<ObjectBucket> RecordIntentAsync(ObjectBucket bucket, DateTimeOffset at)
    {
        var created = await Admin.CreateAsync(bucket);
        created = await Finalizers.AddAsync(Admin, created, ObjectBucketNames.Finalizer);
        return await Admin.ReplaceStatusAsync(created with { Status = new ObjectBucketStatus { CreatePending = at } });
    }

    /// <summary>A merge patch of the spec, as <c>kubectl patch --type merge</c>: no race with the operator's status writes.</summary>
    protected Task<ObjectBucket> PatchSpecAsync(string name, string specJson) =>
        Admin.PatchAsync<ObjectBucket>(name, Namespace, Patch.Merge($"{{\"spec\":{specJson}}}"));

    protected int LatitudeCalls() => Simulator.Requests.Entries.Count;

    /// <summary>resourceVersions of every ObjectBucket and Secret of the namespace, and every Event's count: any Kubernetes write changes one.</summary>
    protected async Task<string> KubernetesStateAsync()
    {
        var buckets = (await Admin.ListAsync<ObjectBucket>(Namespace)).Items.Select(b => $"{b.Metadata.Name}@{b.Metadata.ResourceVersion}");
        var secrets = (await Admin.ListAsync<V1Secret>(Namespace)).Items.Select(s => $"{s.Metadata.Name}@{s.Metadata.ResourceVersion}");
        var events = (await Admin.ListAsync<Corev1Event>(Namespace)).Items.Select(e => $"{e.Metadata.Name}x{e.Count}");
        return string.Join(',', buckets.Concat(secrets).Concat(events).Order());
    }

    /// <summary>Every token the simulator accepts and every secret key it handed out in this test.</summary>
    protected IReadOnlyList<string> Secrets() => [.. Simulator.State.Seed.Tokens.Select(t => t.Value), .. Simulator.State.IssuedSecrets];

    /// <summary>The Latitude API as someone outside the cluster uses it, with the operator's own token (and its own rate limits).</summary>
    protected ILatitudeClient LatitudeAsUser(string token = SimulatorSeed.Token)
    {
        var options = new LatitudeClientOptions { BaseAddress = Simulator.BaseAddress };
        return new LatitudeClientFactory(LatitudeClientFactory.CreateHttpClient(options), options).ForToken(token);
    }
}
#pragma warning restore CA1001
