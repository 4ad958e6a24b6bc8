using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;

namespace BucketOperator.Entities.Tests.Cel;

/// <summary>One evaluation of a rule: <c>self</c>, and <c>oldSelf</c> on an update (null on a create).</summary>
internal sealed record CelCase(CrdRule Rule, JsonNode Self, JsonNode? OldSelf);

/// <summary>What a rule gave: true or false, or why it could not give a bool (does not compile, failed to evaluate).</summary>
internal sealed record CelOutcome(bool? Value, string? Error)
{
    public override string ToString() => Error ?? Value.ToString()!.ToLowerInvariant();
}

/// <summary>
/// Evaluates CEL rules with @bufbuild/cel, a conformance-tested CEL implementation, through hack/cel/evaluate.mjs:
/// the 1.20 API server of the integration tests drops <c>x-kubernetes-validations</c>. It knows standard CEL only,
/// so a rule using a Kubernetes extension function (<c>isSorted</c>, <c>quantity</c>, …) fails as "unbound function".
/// </summary>
internal static class CelEvaluator
{
    private const string Install = "install it with `npm ci --prefix hack/cel` from the repository root (needs node and npm; hack/prerequisites.sh does it)";

    /// <summary>All cases in one node process: starting node per case would cost a few seconds.</summary>
    public static IReadOnlyList<CelOutcome> Evaluate(IReadOnlyList<CelCase> cases)
    {
        var script = YamlManifests.RepositoryPath("hack", "cel", "evaluate.mjs");
        if (!Directory.Exists(YamlManifests.RepositoryPath("hack", "cel", "node_modules", "@bufbuild", "cel")))
        {
            throw new InvalidOperationException($"@bufbuild/cel, which evaluates the CRD's CEL rules, is missing: {Install}");
        }

        var output = Run(script, new JsonArray([.. cases.Select(ToJson)]).ToJsonString());
        var results = JsonNode.Parse(output)!.AsArray();
        return [.. results.Select(r => new CelOutcome(r!["value"]?.GetValue<bool>(), r["error"]?.GetValue<string>()))];
    }

    private static JsonObject ToJson(CelCase @case)
    {
        var json = new JsonObject { ["rule"] = @case.Rule.Rule, ["self"] = @case.Self.DeepClone() };
        if (@case.OldSelf is not null)
        {
            json["oldSelf"] = @case.OldSelf.DeepClone();
        }

        return json;
    }

    private static string Run(string script, string input)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"node could not be started ({e.Message}); it runs @bufbuild/cel: {Install}", e);
        }

        using (node)
        {
            node.StandardInput.Write(input);
            node.StandardInput.Close();
            var errors = node.StandardError.ReadToEndAsync();
            var output = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            return node.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"hack/cel/evaluate.mjs failed (exit {node.ExitCode}): {errors.Result}");
        }
    }
}
