using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Reconciliation;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class LifecycleRulePlanTests
{
    [Fact]
    public void From_SameRules_Empty()
    {
        var plan = LifecycleRulePlan.From([Wanted("a"), Wanted("b", prefix: "logs/")], [Existing("1", "a"), Existing("2", "b", prefix: "logs/")]);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void From_MissingDifferentAndExtra_CreateUpdateDelete()
    {
        var plan = LifecycleRulePlan.From(
            [Wanted("new"), Wanted("changed", days: 7), Wanted("same")],
            [Existing("1", "changed", days: 30), Existing("2", "same"), Existing("3", "made-outside")]);

        Assert.Equal(["new"], plan.Creates.Select(r => r.Name));
        Assert.Equal([("1", 7)], plan.Updates.Select(u => (u.Id, u.Rule.ExpirationDays)));
        Assert.Equal(["3"], plan.Deletes.Select(r => r.Id));
    }

    [Fact]
    public void From_NameTwiceInLatitude_KeepsTheMatchingOneAndDeletesTheOther()
    {
        var plan = LifecycleRulePlan.From([Wanted("a", days: 5)], [Existing("1", "a", days: 9), Existing("2", "a", days: 5)]);

        Assert.Empty(plan.Creates);
        Assert.Empty(plan.Updates);
        Assert.Equal(["1"], plan.Deletes.Select(r => r.Id));
    }

    [Fact]
    public void From_NameTwiceNeitherMatching_UpdatesTheFirstAndDeletesTheOther()
    {
        var plan = LifecycleRulePlan.From([Wanted("a", days: 5)], [Existing("1", "a", days: 9), Existing("2", "a", days: 8)]);

        Assert.Equal(["1"], plan.Updates.Select(u => u.Id));
        Assert.Equal(["2"], plan.Deletes.Select(r => r.Id));
    }

    [Fact]
    public void From_NoRulesWanted_DeletesEveryRule()
    {
        var plan = LifecycleRulePlan.From([], [Existing("1", "a"), Existing("2", "b")]);

        Assert.Equal(["1", "2"], plan.Deletes.Select(r => r.Id));
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void Wanted_EmptyPrefixAndDefaults_AsTheApiTakesThem()
    {
        var wanted = LifecycleRulePlan.Wanted([new LifecycleRuleSpec { Name = "a", Prefix = "", ExpirationDays = 3, NoncurrentDays = 2 }]);

        Assert.Equal(new LifecycleRuleRequest { Name = "a", Enabled = true, Prefix = null, ExpirationDays = 3, NoncurrentDays = 2 }, Assert.Single(wanted));
    }

    [Fact]
    public void Holds_ExtraOrDifferentRule_False()
    {
        Assert.True(LifecycleRulePlan.Holds([Wanted("a")], [Existing("1", "a")]));
        Assert.False(LifecycleRulePlan.Holds([Wanted("a")], [Existing("1", "a"), Existing("2", "b")]));
        Assert.False(LifecycleRulePlan.Holds([Wanted("a", days: 2)], [Existing("1", "a")]));
        Assert.False(LifecycleRulePlan.Holds([Wanted("a")], [Existing("1", "a"), Existing("2", "a")]));
    }

    private static LifecycleRuleRequest Wanted(string name, int days = 30, string? prefix = null) =>
        new() { Name = name, ExpirationDays = days, Prefix = prefix };

    private static LifecycleRule Existing(string id, string name, int days = 30, string? prefix = null) =>
        new() { Id = id, Name = name, ExpirationDays = days, Prefix = prefix };
}
