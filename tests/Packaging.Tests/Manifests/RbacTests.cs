using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.TestSupport;

namespace BucketOperator.Packaging.Tests.Manifests;

/// <summary>config/rbac grants exactly what the operator uses (SPEC: least privilege), cluster-wide or in one namespace.</summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class RbacTests(ControlPlaneFixture fixture)
{
    /// <summary>The namespace config/rbac/namespaced binds its Role in, as shipped (users replace it with theirs).</summary>
    private const string WatchedNamespace = "team-a";

    /// <summary>
    /// Every (group/resource: verbs) the operator may use; config/rbac/role.yaml says why each write verb is there.
    /// A verb added to the manifest and not here fails, so a new grant comes with its reason.
    /// </summary>
    private static readonly string[] OperatorGrants =
    [
        "/events: create,get,patch",
        "/secrets: create,delete,get,list,patch,update,watch",
        "storage.latitude.sh/objectbuckets: get,list,patch,watch",
        "storage.latitude.sh/objectbuckets/finalizers: update",
        "storage.latitude.sh/objectbuckets/status: get,update",
    ];

    [Fact]
    public void ClusterRole_GrantsExactlyTheVerbsTheOperatorUses()
    {
        var clusterRole = YamlManifests.Load(YamlManifests.RepositoryPath("config", "rbac", "role.yaml")).Single(d => d["kind"]!.GetValue<string>() == "ClusterRole");

        AssertGrantsExactlyWhatTheOperatorUses(clusterRole);
        Assert.All(clusterRole["rules"]!.AsArray(), rule => Assert.Null(rule!["nonResourceURLs"]));
    }

    [Fact]
    public async Task Namespaced_RendersAndIsAcceptedByTheServer_GrantingTheClusterRolesRulesInOneNamespace()
    {
        var dryRun = await ServerDryRun.RunAsync(fixture.Plane, "config/rbac/namespaced", WatchedNamespace);

        Assert.Equal(["Role", "RoleBinding"], dryRun.RenderedKinds);
        dryRun.AssertEveryObjectAccepted();
        var role = dryRun.Single("Role");
        var binding = dryRun.Single("RoleBinding");
        AssertGrantsExactlyWhatTheOperatorUses(role);
        Assert.Equal((WatchedNamespace, WatchedNamespace), (Namespace(role), Namespace(binding)));
        Assert.Equal(("Role", role["metadata"]!["name"]!.GetValue<string>()), (binding["roleRef"]!["kind"]!.GetValue<string>(), binding["roleRef"]!["name"]!.GetValue<string>()));
        var subject = binding["subjects"]!.AsArray().Single()!;
        Assert.Equal(
            ("ServiceAccount", OperatorInstallation.ServiceAccount, OperatorInstallation.Namespace),
            (subject["kind"]!.GetValue<string>(), subject["name"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>()));
    }

    /// <summary>Compares whole lines: xUnit's collection diff cuts them at 50 characters, before the verbs.</summary>
    private static void AssertGrantsExactlyWhatTheOperatorUses(JsonNode role)
    {
        var granted = Grants(role);
        Assert.True(
            granted.SequenceEqual(OperatorGrants),
            $"{role["kind"]} {role["metadata"]!["name"]} grants\n  {string.Join("\n  ", granted)}\nnot exactly\n  {string.Join("\n  ", OperatorGrants)}");
    }

    /// <summary>A role's rules as sorted "group/resource: verbs" lines, one per resource, whatever the rules' grouping.</summary>
    private static IReadOnlyList<string> Grants(JsonNode role) =>
        role["rules"]!.AsArray()
            .SelectMany(rule => Strings(rule!["apiGroups"]).SelectMany(group => Strings(rule["resources"]).SelectMany(resource => Strings(rule["verbs"]).Select(verb => (Resource: $"{group}/{resource}", Verb: verb)))))
            .GroupBy(grant => grant.Resource, grant => grant.Verb)
            .OrderBy(resource => resource.Key, StringComparer.Ordinal)
            .Select(resource => $"{resource.Key}: {string.Join(',', resource.Distinct().Order(StringComparer.Ordinal))}")
            .ToList();

    private static IEnumerable<string> Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    private static string? Namespace(JsonNode document) => document["metadata"]?["namespace"]?.GetValue<string>();
}
