using System.Runtime.InteropServices;
using BucketOperator.ControlPlane;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

// Starts everything the operator talks to, on loopback, until Ctrl+C. hack/run-local.sh installs the
// prerequisites first.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    // Keep the process alive until the servers below are disposed.
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var plane = await LocalControlPlane.StartAsync(stop.Token);
await using var simulator = await LatitudeSimulator.StartAsync(new SimulatorOptions { Port = 8099, S3 = new S3ServerOptions() }, stop.Token);
using var client = plane.CreateClient();
await ManifestInstaller.InstallCrdAsync(client, ManifestInstaller.ObjectBucketCrdPath, stop.Token);

var kubeconfig = YamlManifests.RepositoryPath(".local", "kubeconfig");
Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
File.Copy(plane.KubeconfigPath, kubeconfig, overwrite: true);

Console.WriteLine($"""
    Local environment is up ({plane.Version}).
      Kubernetes API:   {plane.Server}   (etcd {plane.EtcdEndpoint}; logs in {plane.Directory})
      kubeconfig:       {kubeconfig}
      Latitude API:     {simulator.BaseAddress}   token {SimulatorSeed.Token}, project {SimulatorSeed.Project}
      S3 (s3rver):      {simulator.S3Endpoint}

    Try:
      export KUBECONFIG={kubeconfig}
      kubectl apply -f config/samples/objectbucket.yaml
      kubectl get lob
      curl -H 'Authorization: {SimulatorSeed.Token}' {simulator.BaseAddress}storage/buckets

    Press Ctrl+C to stop and remove everything.
    """);

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}
