using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;

namespace BucketOperator.Entities.Tests.Cel;

/// <summary>
/// One <c>x-kubernetes-validations</c> rule of the committed CRD and the schema node it sits on
/// (<see cref="Path"/>: <c>""</c> for the object itself, <c>spec.objectLock</c> for that property), so
/// <c>self</c> is the value at that path. <see cref="PresentWithParent"/>: the node has a default or its parent
/// requires it, so it cannot be added or removed on its own.
/// </summary>
internal sealed record CrdRule(string Path, string Rule, string Message, bool PresentWithParent)
{
    /// <summary>Every rule in config/crd, read from the YAML so that a new rule is tested without editing the tests.</summary>
    public static IReadOnlyList<CrdRule> All { get; } = Load();

    /// <summary>
    /// Kubernetes makes a rule a transition rule when it mentions <c>oldSelf</c>: it runs on updates only,
    /// and on a property only when the old object had it.
    /// </summary>
    public bool IsTransition => Rule.Contains("oldSelf", StringComparison.Ordinal);

    public static CrdRule At(string path, string message) =>
        All.SingleOrDefault(r => r.Path == path && r.Message == message)
        ?? throw new InvalidOperationException($"the CRD has no rule at '{path}' with the message '{message}'");

    /// <summary>The value this rule sees as <c>self</c> in <paramref name="resource"/>; null when the node is absent (the rule does not run).</summary>
    public JsonNode? SelfIn(JsonNode resource) =>
        Path.Length == 0 ? resource : Path.Split('.').Aggregate<string, JsonNode?>(resource, (node, name) => node?[name]);

    /// <summary>The node, for people: the path, or "(object)" for the resource itself.</summary>
    public string Node => Path.Length == 0 ? "(object)" : Path;

    public override string ToString() => $"{Node}: {Rule}";

    private static List<CrdRule> Load()
    {
        var crd = YamlManifests.Load(ManifestInstaller.ObjectBucketCrdPath).Single();
        var rules = new List<CrdRule>();
        foreach (var version in crd["spec"]!["versions"]!.AsArray())
        {
            Collect(version!["schema"]!["openAPIV3Schema"]!.AsObject(), "", true, rules);
        }

        return rules;
    }

    private static void Collect(JsonObject schema, string path, bool presentWithParent, List<CrdRule> rules)
    {
        foreach (var rule in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            rules.Add(new CrdRule(path, rule!["rule"]!.GetValue<string>(), rule["message"]!.GetValue<string>(), presentWithParent));
        }

        var required = schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var present = required.Contains(name) || property!["default"] is not null;
            Collect(property!.AsObject(), path.Length == 0 ? name : $"{path}.{name}", present, rules);
        }

        // self under items or additionalProperties is one element of a list or map, which SelfIn cannot address:
        // fail rather than leave such a rule untested.
        var nested = schema.FirstOrDefault(p => p.Key is "items" or "additionalProperties"
            && p.Value!.ToJsonString().Contains("x-kubernetes-validations", StringComparison.Ordinal));
        if (nested.Value is not null)
        {
            throw new NotSupportedException($"a rule under '{path}' {nested.Key}: teach CrdRule to address list and map elements");
        }
    }
}
