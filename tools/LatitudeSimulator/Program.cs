using System.CommandLine;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

var port = new Option<int>("--port") { Description = "Loopback port to listen on", DefaultValueFactory = _ => 8099 };
var shape = new Option<ResponseShape>("--shape") { Description = "API version to imitate: Current or Seed", DefaultValueFactory = _ => ResponseShape.Current };
var s3 = new Option<bool>("--s3") { Description = "Back buckets with a real S3 server (s3rver; run `npm ci --prefix hack/s3` first)" };
var openS3 = new Option<bool>("--s3-unchecked") { Description = "With --s3, hand out s3rver itself: any key reaches any bucket, readonly keys write" };
var root = new RootCommand("Latitude.sh object-storage API simulator") { port, shape, s3, openS3 };
root.SetAction(async (result, cancellationToken) =>
{
    var options = new SimulatorOptions
    {
        Port = result.GetValue(port),
        Shape = result.GetValue(shape),
        S3 = result.GetValue(s3) ? new S3ServerOptions(EnforcePermissions: !result.GetValue(openS3)) : null,
    };
    await using var simulator = await LatitudeSimulator.StartAsync(options, cancellationToken);
    Console.WriteLine($"Latitude simulator ({options.Shape} shape) listening on {simulator.BaseAddress}");
    var checks = options.S3 is { EnforcePermissions: true } ? " (keys checked per bucket and permission)" : "";
    Console.WriteLine($"  S3 endpoint: {simulator.S3Endpoint?.ToString() ?? "none (fictitious endpoints)"}{checks}");
    Console.WriteLine($"  tokens: {SimulatorSeed.Token} (read/write), {SimulatorSeed.ReadOnlyToken}, {SimulatorSeed.NoStorageToken}, {SimulatorSeed.OtherTeamToken}");
    Console.WriteLine($"  project: {SimulatorSeed.Project} (slug {SimulatorSeed.ProjectSlug}); sites: DAL, SAO2, ASH (standard), NYC (standard + high_performance)");
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
    catch (OperationCanceledException)
    {
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
