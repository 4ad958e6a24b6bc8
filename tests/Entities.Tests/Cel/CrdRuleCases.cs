using System.Text.Json.Nodes;

namespace BucketOperator.Entities.Tests.Cel;

/// <summary>A case with a name (the test's display name) and the outcome the rule must give.</summary>
internal sealed record NamedCase(string Name, CelCase Case, bool Expected);

/// <summary>
/// The cases the rule tests evaluate, all in one node process. Values are what the API server validates: after
/// defaulting (storageClass, versioning, scoped, deletionPolicy, objectLock's enabled and mode are always
/// there), with only <c>metadata.name</c> and <c>generateName</c> visible in <c>metadata</c>, as Kubernetes
/// exposes to CEL.
/// </summary>
internal static class CrdRuleCases
{
    /// <summary>Sets every optional field, so that every rule's node is there.</summary>
    public static readonly JsonNode Full = JsonNode.Parse("""
        {"apiVersion": "storage.latitude.sh/v1alpha1", "kind": "ObjectBucket", "metadata": {"name": "photos"},
         "spec": {"bucketName": "team-a-photos", "project": "proj_6059EqYkOQj8p", "region": "DAL", "storageClass": "high_performance",
                  "versioning": true, "objectLock": {"enabled": true, "mode": "GOVERNANCE", "retentionDays": 30},
                  "scoped": true, "customer": "acme", "deletionPolicy": "Delete", "secretName": "photos-s3",
                  "credentialsSecretRef": {"name": "latitude", "key": "token"}},
         "status": {"observedGeneration": 2, "bucketName": "team-a-photos"}}
        """)!;

    /// <summary>Only what a user must write, plus the defaults, so that rules reading optional fields meet their absence.</summary>
    public static readonly JsonNode Minimal = JsonNode.Parse("""
        {"apiVersion": "storage.latitude.sh/v1alpha1", "kind": "ObjectBucket", "metadata": {"name": "photos"},
         "spec": {"region": "DAL", "storageClass": "standard", "versioning": false, "scoped": false, "deletionPolicy": "Retain"}}
        """)!;

    /// <summary>
    /// Every rule on each sample it reaches, unchanged: a valid object must pass on create (rules without
    /// oldSelf) and on an update that changes nothing (transition rules, with oldSelf = self). A rule that does
    /// not compile, reads an absent field without has() or gives something else than a bool fails here.
    /// </summary>
    public static IEnumerable<NamedCase> Unchanged() =>
        from rule in CrdRule.All
        from sample in new[] { (Name: "full", Resource: Full), (Name: "minimal", Resource: Minimal) }
        let self = rule.SelfIn(sample.Resource)
        where self is not null
        select new NamedCase(
            $"{rule} on the {sample.Name} object {(rule.IsTransition ? "updated without change" : "created")}",
            new CelCase(rule, self, rule.IsTransition ? self : null),
            Expected: true);

    /// <summary>The fields whose rule is <c>self == oldSelf</c>, each with a value and a different one.</summary>
    public static readonly IReadOnlyDictionary<string, (string Value, string Other)> ImmutableFields = new Dictionary<string, (string, string)>
    {
        ["bucketName"] = ("\"team-a-photos\"", "\"team-b-photos\""),
        ["project"] = ("\"proj_6059EqYkOQj8p\"", "\"proj_second\""),
        ["region"] = ("\"DAL\"", "\"SAO2\""),
        ["storageClass"] = ("\"standard\"", "\"high_performance\""),
        ["scoped"] = ("false", "true"),
        ["customer"] = ("\"acme\"", "\"globex\""),
        ["objectLock"] = ("""{"enabled": true, "mode": "GOVERNANCE", "retentionDays": 30}""", """{"enabled": true, "mode": "COMPLIANCE", "retentionDays": 30}"""),
    };

    /// <summary>What each rule means: a passing and a failing case at least.</summary>
    public static IEnumerable<NamedCase> Meaning() =>
        Immutable().Concat(AddedOrRemoved()).Concat(ObjectLockEnabledLater()).Concat(Versioning())
            .Concat(CustomerWhenScoped()).Concat(ObjectLockSettings()).Concat(MetadataName());

    private static IEnumerable<NamedCase> Immutable() =>
        ImmutableFields.SelectMany(f => new[]
        {
            Update($"spec.{f.Key}", $"{f.Key} is immutable", f.Value.Value, f.Value.Value, true),
            Update($"spec.{f.Key}", $"{f.Key} is immutable", f.Value.Value, f.Value.Other, false),
        });

    /// <summary>
    /// A property's own transition rule does not run when the old or the new object lacks it, so the rules on
    /// spec must stop an optional immutable field from being added or removed.
    /// </summary>
    private static IEnumerable<NamedCase> AddedOrRemoved() =>
        from field in new[] { (Name: "bucketName", Value: "\"team-a-photos\""), (Name: "project", Value: "\"proj_second\""), (Name: "customer", Value: "\"acme\"") }
        let message = $"{field.Name} cannot be added or removed after creation"
        let with = $$"""{"{{field.Name}}": {{field.Value}}}"""
        from @case in new[]
        {
            Update("spec", message, "{}", "{}", true),
            Update("spec", message, with, with, true),
            Update("spec", message, "{}", with, false),
            Update("spec", message, with, "{}", false),
        }
        select @case;

    private static IEnumerable<NamedCase> ObjectLockEnabledLater()
    {
        const string Message = "objectLock can only be enabled when the bucket is created";
        const string Disabled = """{"objectLock": {"enabled": false, "mode": "NONE"}}""";
        const string Enabled = """{"objectLock": {"enabled": true, "mode": "NONE"}}""";
        yield return Update("spec", Message, "{}", Disabled, true);
        yield return Update("spec", Message, Disabled, "{}", true);
        yield return Update("spec", Message, Enabled, Enabled, true);
        yield return Update("spec", Message, "{}", Enabled, false);
        yield return Update("spec", Message, Disabled, Enabled, false);
        yield return Update("spec", Message, Enabled, "{}", false);
        yield return Update("spec", Message, Enabled, Disabled, false);
    }

    private static IEnumerable<NamedCase> Versioning()
    {
        const string Message = "versioning cannot be turned off once enabled";
        yield return Update("spec.versioning", Message, "false", "false", true);
        yield return Update("spec.versioning", Message, "false", "true", true);
        yield return Update("spec.versioning", Message, "true", "true", true);
        yield return Update("spec.versioning", Message, "true", "false", false);
    }

    private static IEnumerable<NamedCase> CustomerWhenScoped()
    {
        const string Message = "customer is required when scoped is true";
        yield return Create("spec", Message, "{}", true);
        yield return Create("spec", Message, """{"customer": "acme"}""", true);
        yield return Create("spec", Message, """{"scoped": true, "customer": "acme"}""", true);
        yield return Create("spec", Message, """{"scoped": true}""", false);
    }

    private static IEnumerable<NamedCase> ObjectLockSettings()
    {
        const string Message = "mode and retentionDays require enabled: true";
        yield return Create("spec.objectLock", Message, """{"enabled": false, "mode": "NONE"}""", true);
        yield return Create("spec.objectLock", Message, """{"enabled": true, "mode": "NONE"}""", true);
        yield return Create("spec.objectLock", Message, """{"enabled": true, "mode": "COMPLIANCE", "retentionDays": 7}""", true);
        yield return Create("spec.objectLock", Message, """{"enabled": false, "mode": "GOVERNANCE"}""", false);
        yield return Create("spec.objectLock", Message, """{"enabled": false, "mode": "NONE", "retentionDays": 7}""", false);
    }

    /// <summary>metadata.name is the bucket name unless spec.bucketName is set, so it must then be a valid S3 name.</summary>
    private static IEnumerable<NamedCase> MetadataName()
    {
        const string Message = "metadata.name is not a valid S3 bucket name (3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit): set spec.bucketName";
        static string Named(string name) => $$$"""{"metadata": {"name": "{{{name}}}"}}""";
        var longest = new string('a', 63);
        yield return Create("", Message, Named("abc"), true);
        yield return Create("", Message, Named(longest), true);
        yield return Create("", Message, Named("ab"), false);
        yield return Create("", Message, Named(longest + "a"), false);
        yield return Create("", Message, Named("photos.team-a"), false);
        yield return Create("", Message, Named("-photos"), false);
        yield return Create("", Message, Named("photos-"), false);
        yield return Create("", Message, """{"metadata": {"name": "photos.team-a"}, "spec": {"bucketName": "photos"}}""", true);
    }

    private static NamedCase Create(string path, string message, string self, bool expected)
    {
        var rule = CrdRule.At(path, message);
        return new($"{rule.Node} \"{message}\": create with {self} gives {Lower(expected)}", new CelCase(rule, Value(rule, self), null), expected);
    }

    private static NamedCase Update(string path, string message, string old, string @new, bool expected)
    {
        var rule = CrdRule.At(path, message);
        return new(
            $"{rule.Node} \"{message}\": update {old} -> {@new} gives {Lower(expected)}",
            new CelCase(rule, Value(rule, @new), Value(rule, old)),
            expected);
    }

    /// <summary>
    /// A case's JSON laid over the minimal object's value at the rule's node, so that cases name only what
    /// they are about and still see the defaults the API server would have applied.
    /// </summary>
    private static JsonNode Value(CrdRule rule, string json) => Overlay(rule.SelfIn(Minimal), JsonNode.Parse(json)!);

    private static JsonNode Overlay(JsonNode? under, JsonNode over)
    {
        if (under is not JsonObject underObject || over is not JsonObject overObject)
        {
            return over.DeepClone();
        }

        var result = underObject.DeepClone().AsObject();
        foreach (var (name, value) in overObject)
        {
            result[name] = Overlay(result[name], value!);
        }

        return result;
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
