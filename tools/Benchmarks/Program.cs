using System.Globalization;
using BucketOperator.Benchmarks;
using BucketOperator.Benchmarks.Measurement;
using BucketOperator.Benchmarks.Results;
using BucketOperator.Benchmarks.Scale;

// hack/bench.sh runs this. The scale scenario starts it again as `scale-probe`, an operator process to measure.
if (args is [ScaleProbe.Command, .. var probeArgs])
{
    return await ScaleProbe.RunAsync(probeArgs);
}

if (args is ["--help" or "-h"])
{
    Console.Out.Write(BenchmarkCommand.Usage);
    return 0;
}

if (BenchmarkCommand.Parse(args) is not { } command)
{
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the scenario stop and the control plane be removed rather than leave processes behind.
    e.Cancel = true;
    stop.Cancel();
};

var machine = MachineInfo.Current();
var reports = await BenchmarkRun.RunAsync(command.Sizes, command.Only, Console.Out, stop.Token);
if (command.Output is { } output)
{
    await PerformanceDocument.UpdateAsync(output, "machine", string.Create(
        CultureInfo.InvariantCulture,
        $"{machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB:0.0} GiB memory; {machine.Os}; {machine.Runtime}; kube-apiserver and etcd on the same machine, on loopback.\n"), stop.Token);
    foreach (var report in reports)
    {
        await PerformanceDocument.UpdateAsync(output, report.Id, report.ToMarkdown(), stop.Token);
    }

    Console.WriteLine($"Updated {output}.");
}

return 0;
