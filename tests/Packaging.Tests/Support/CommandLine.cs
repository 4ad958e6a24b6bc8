using System.Diagnostics;

namespace BucketOperator.Packaging.Tests.Support;

/// <summary>Runs a program of this machine to completion, as a person would from a shell.</summary>
internal static class CommandLine
{
    /// <summary>Fails the test, naming the command, if it is not found or still runs after <paramref name="timeout"/>.</summary>
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, string? input = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', [program, .. info.ArgumentList]);
        using var process = Start(info, commandLine);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{commandLine}` still ran after {timeout.TotalSeconds:0} s; it printed:\n{await error}\n{await output}");
        }

        return new CommandResult(commandLine, process.ExitCode, await output, await error);
    }

    public static string RepositoryRoot { get; } = BucketOperator.ControlPlane.YamlManifests.RepositoryPath();

    private static Process Start(ProcessStartInfo info, string commandLine)
    {
        try
        {
            return Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"cannot run `{commandLine}`: {e.Message}");
            throw;
        }
    }
}
