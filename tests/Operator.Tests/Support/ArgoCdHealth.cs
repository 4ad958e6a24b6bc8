using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using BucketOperator.ControlPlane;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>What Argo CD would show for an object: config/argocd/health.lua run by Debian's lua5.1 through hack/argocd-health.lua.</summary>
internal sealed record ArgoCdHealth(string Status, string? Message)
{
    private const string Install = "install Lua 5.1 and dkjson: apt-get install -y lua5.1 lua-dkjson (hack/prerequisites.sh does)";

    public static async Task<ArgoCdHealth> OfAsync(string objectJson)
    {
        var start = new ProcessStartInfo("lua5.1")
        {
            ArgumentList = { YamlManifests.RepositoryPath("hack", "argocd-health.lua"), YamlManifests.RepositoryPath("config", "argocd", "health.lua") },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process lua;
        try
        {
            lua = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"lua5.1 could not be started ({e.Message}): {Install}", e);
        }

        using (lua)
        {
            await lua.StandardInput.WriteAsync(objectJson);
            lua.StandardInput.Close();
            var output = lua.StandardOutput.ReadToEndAsync();
            var errors = lua.StandardError.ReadToEndAsync();
            await lua.WaitForExitAsync();
            if (lua.ExitCode != 0)
            {
                var hint = (await errors).Contains("module 'dkjson' not found", StringComparison.Ordinal) ? Install : "see the error above";
                throw new InvalidOperationException($"the health check failed (exit {lua.ExitCode}): {await errors}\n{hint}");
            }

            using var result = JsonDocument.Parse(await output);
            var root = result.RootElement;
            return new ArgoCdHealth(root.GetProperty("status").GetString()!, root.TryGetProperty("message", out var message) ? message.GetString() : null);
        }
    }
}
