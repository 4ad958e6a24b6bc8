namespace BucketOperator.Packaging.Tests.Support;

/// <summary>The kubectl on the PATH, as a user runs it (hack/prerequisites.sh installs Debian's when there is none).</summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static Task<CommandResult> RunAsync(IEnumerable<string> arguments, string? input = null) =>
        CommandLine.RunAsync("kubectl", arguments, Timeout, input);
}
