using System.Globalization;
using System.Text.Json;

namespace BucketOperator.Packaging.Tests.Support;

/// <summary>The kubectl on the PATH, as a user runs it; one whose built-in kustomize cannot render config/ fails the test with what to install.</summary>
internal static class Kubectl
{
    /// <summary>kubectl 1.21 moved to kustomize v4, the first to take directories in <c>resources</c>, as config/ does.</summary>
    private const int MinimumMinorVersion = 21;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static readonly Lazy<Task> Usable = new(EnsureUsableAsync);

    public static async Task<CommandResult> RunAsync(IEnumerable<string> arguments, string? input = null)
    {
        await Usable.Value;
        return await CommandLine.RunAsync("kubectl", arguments, Timeout, input);
    }

    private static async Task EnsureUsableAsync()
    {
        var version = (await CommandLine.RunAsync("kubectl", ["version", "--client", "-o", "json"], Timeout)).EnsureSuccess("kubectl version");
        using var document = JsonDocument.Parse(version.Output);
        var client = document.RootElement.GetProperty("clientVersion");
        var minor = int.Parse(client.GetProperty("minor").GetString()!.TrimEnd('+'), CultureInfo.InvariantCulture);
        Assert.True(minor >= MinimumMinorVersion,
            $"kubectl {client.GetProperty("gitVersion").GetString()} embeds a kustomize too old to render config/ (directories in `resources`): " +
            $"install kubectl 1.{MinimumMinorVersion} or newer from the Kubernetes project's releases (Debian 12's kubernetes-client is 1.20).");
    }
}
