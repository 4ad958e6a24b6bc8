using System.Diagnostics;
using System.Text.Json;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Benchmarks.Scale;

/// <summary>Starts this program as a <see cref="ScaleProbe"/> in a process of its own and reads its result.</summary>
internal static class ScaleProbeProcess
{
    public static async Task<ScaleProbeResult> RunAsync(int objects, IReadOnlyList<string> operatorFlags, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(ScaleProbe).Assembly.Location, ScaleProbe.Command, "--objects", objects.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(operatorFlags))
        {
            start.ArgumentList.Add(argument);
        }

        // As a Deployment gives it: from the environment, never on the command line.
        start.Environment["LATITUDE_API_TOKEN"] = SimulatorSeed.Token;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the scale probe");
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var logs = child.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (child.ExitCode != 0 || lines.Length == 0)
        {
            var tail = string.Join('\n', (await logs).Split('\n').TakeLast(30));
            throw new InvalidOperationException($"the scale probe for {objects} objects exited with {child.ExitCode}:\n{tail}");
        }

        return JsonSerializer.Deserialize(lines[^1], ScaleJsonContext.Default.ScaleProbeResult)
            ?? throw new InvalidDataException($"the scale probe printed no result: {lines[^1]}");
    }
}
