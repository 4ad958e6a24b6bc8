namespace BucketOperator.Packaging.Tests.Support;

/// <summary>How a command line ended, with everything it printed.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, string Error)
{
    /// <summary>The result when the command succeeded; otherwise fails the test with the command and what it printed.</summary>
    public CommandResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"{what} failed: `{CommandLine}` exited with {ExitCode}\n{Error.Trim()}\n{Output.Trim()}".TrimEnd());
        }

        return this;
    }
}
