namespace BucketOperator.Entities.Tests.Cel;

/// <summary>
/// The CRD's CEL rules (<c>x-kubernetes-validations</c>), evaluated by @bufbuild/cel: the 1.20 API server of the
/// integration tests drops them, so nothing else checks that they compile and mean what their messages say.
/// </summary>
public sealed class CrdRuleTests
{
    /// <summary>Every case of both theories, evaluated on first use in one node process.</summary>
    private static readonly Lazy<Dictionary<string, (NamedCase Case, CelOutcome Outcome)>> Outcomes = new(EvaluateAll);

    public static TheoryData<CaseName> Unchanged => new(CrdRuleCases.Unchanged().Select(c => new CaseName(c.Name)));

    public static TheoryData<CaseName> Meaning => new(CrdRuleCases.Meaning().Select(c => new CaseName(c.Name)));

    [Theory]
    [MemberData(nameof(Unchanged))]
    public void Rule_ValidObjectCreatedOrUpdatedWithoutChange_CompilesAndPasses(CaseName name) => AssertOutcome(name);

    [Theory]
    [MemberData(nameof(Meaning))]
    public void Rule_Case_GivesTheExpectedOutcome(CaseName name) => AssertOutcome(name);

    [Fact]
    public void EveryRule_IsReachedByASample()
    {
        var reached = CrdRuleCases.Unchanged().Select(c => c.Case.Rule).ToHashSet();

        var unreached = CrdRule.All.Where(r => !reached.Contains(r)).ToList();

        Assert.True(unreached.Count == 0, $"no sample object has the node of {string.Join("; ", unreached)}: set it in CrdRuleCases.Full");
    }

    [Fact]
    public void EveryRule_HasAPassingAndAFailingCase()
    {
        var cases = CrdRuleCases.Meaning().ToList();

        var missing = CrdRule.All.Where(r => !cases.Any(c => c.Case.Rule == r && c.Expected) || !cases.Any(c => c.Case.Rule == r && !c.Expected)).ToList();

        Assert.True(missing.Count == 0, $"add a passing and a failing case to CrdRuleCases.Meaning for: {string.Join("; ", missing.Select(r => $"{r} ({r.Message})"))}");
    }

    [Fact]
    public void ImmutableFields_AreThoseWithSelfEqualsOldSelf()
    {
        var immutable = CrdRule.All.Where(r => r.Rule == "self == oldSelf").Select(r => r.Path).Order(StringComparer.Ordinal);

        Assert.Equal(immutable, CrdRuleCases.ImmutableFields.Keys.Select(f => $"spec.{f}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A property's <c>self == oldSelf</c> does not run when the old or the new object lacks the property, so an
    /// optional immutable property needs a rule on its parent comparing has() before and after.
    /// </summary>
    [Fact]
    public void OptionalImmutableFields_HaveAPresenceRuleOnTheirParent()
    {
        var unguarded = CrdRule.All
            .Where(r => r.Rule == "self == oldSelf" && !r.PresentWithParent)
            .Where(r =>
            {
                var parent = r.Path[..Math.Max(r.Path.LastIndexOf('.'), 0)];
                var name = r.Path[(r.Path.LastIndexOf('.') + 1)..];
                return !CrdRule.All.Any(p => p.Path == parent && p.Rule.Contains($"has(self.{name})", StringComparison.Ordinal)
                    && p.Rule.Contains($"has(oldSelf.{name})", StringComparison.Ordinal));
            })
            .ToList();

        Assert.True(unguarded.Count == 0, $"can be added or removed after creation: {string.Join(", ", unguarded.Select(r => r.Path))}");
    }

    private static void AssertOutcome(CaseName name)
    {
        var (named, outcome) = Outcomes.Value[name.Value];
        var expected = new CelOutcome(named.Expected, null);

        Assert.True(
            outcome == expected,
            $"{named.Case.Rule} (\"{named.Case.Rule.Message}\") gave {outcome}, expected {expected}, " +
            $"with self = {named.Case.Self.ToJsonString()}{(named.Case.OldSelf is { } old ? $", oldSelf = {old.ToJsonString()}" : " (a create)")}");
    }

    private static Dictionary<string, (NamedCase, CelOutcome)> EvaluateAll()
    {
        var cases = CrdRuleCases.Unchanged().Concat(CrdRuleCases.Meaning()).ToList();
        var outcomes = CelEvaluator.Evaluate([.. cases.Select(c => c.Case)]);
        return cases.Zip(outcomes).ToDictionary(p => p.First.Name, p => (p.First, p.Second));
    }
}
