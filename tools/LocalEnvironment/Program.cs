using System.Runtime.InteropServices;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Latitude;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;
using BucketOperator.LocalEnvironment;
using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Hosting;
using Microsoft.Extensions.Logging;

// The local environment, until Ctrl+C: a real control plane, the Latitude simulator backed by a real S3 server,
// config/ installed as shipped, the operator in this process as its service account, and config/samples applied
// and reported. hack/run-local.sh installs the prerequisites first.
var sampleTimeout = TimeSpan.FromSeconds(60);
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    // Keep the process alive until the operator has stopped and the servers below are disposed.
    signal.Cancel = true;
    Console.WriteLine("Stopping.");
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var loggers = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss "))
    .SetMinimumLevel(LogLevel.Information));
try
{
    await RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C while starting up.
}

Console.WriteLine("Stopped: the control plane, the simulator and their files are gone.");

async Task RunAsync(CancellationToken cancellationToken)
{
    Console.WriteLine("Starting etcd, kube-apiserver and kube-controller-manager…");
    await using var plane = await LocalControlPlane.StartAsync(cancellationToken);
    Console.WriteLine("Starting the Latitude simulator and s3rver…");
    await using var simulator = await LatitudeSimulator.StartAsync(new SimulatorOptions { Port = 8099, S3 = new S3ServerOptions() }, cancellationToken);
    Console.WriteLine("Installing config/crd and config/rbac…");
    var access = await OperatorInstallation.InstallAsync(plane, cancellationToken);
    var kubeconfig = YamlManifests.RepositoryPath(".local", "kubeconfig");
    Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
    File.Copy(plane.KubeconfigPath, kubeconfig, overwrite: true);

    using var operatorClient = new KubernetesClient(access, BucketOperatorRuntime.Json);
    var latitudeOptions = new LatitudeClientOptions { BaseAddress = simulator.BaseAddress };
    using var latitudeHttp = LatitudeClientFactory.CreateHttpClient(latitudeOptions);
    var options = new OperatorOptions
    {
        LatitudeApiUrl = simulator.BaseAddress,
        LatitudeToken = SimulatorSeed.Token,
        DefaultProject = SimulatorSeed.Project,
        LogFormat = "text",
    };
    var runtime = new BucketOperatorRuntime(operatorClient, options, new LatitudeClientFactory(latitudeHttp, latitudeOptions, TimeProvider.System, loggers), loggers);
    Console.WriteLine($"Starting the operator ({options}).");
    var running = Task.Run(() => runtime.RunAsync(cancellationToken), CancellationToken.None);
    try
    {
        using var admin = plane.CreateClient(BucketOperatorRuntime.Json);
        var samples = await Samples.ApplyAsync(plane, admin, cancellationToken);
        Console.WriteLine($"Applied config/samples ({samples.Count} ObjectBuckets); waiting up to {sampleTimeout.TotalSeconds:0} s for the operator's verdict…");
        var buckets = await Readiness.WaitAsync(admin, samples, running, sampleTimeout, TimeProvider.System, cancellationToken);
        Console.Out.Write(await BucketReport.BuildAsync(admin, buckets, TimeProvider.System.GetUtcNow(), cancellationToken));
        Console.Out.Write(Instructions.Format(plane, simulator, kubeconfig));
        await running;
    }
    finally
    {
        // The servers are disposed next; the operator stops first so it does not log their disappearance.
        await stop.CancelAsync();
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
