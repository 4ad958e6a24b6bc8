using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit.Helpers;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Earlier.AddMinutes(5);

    [Fact]
    public void Set_NewType_AppendsIt()
    {
        var conditions = new List<Condition> { Ready("True", "Available", Earlier) with { Type = "Synced" } };

        var changed = Conditions.Set(conditions, Ready("Unknown", "Provisioning", Later));

        Assert.True(changed);
        Assert.Equal(["Synced", "Ready"], conditions.Select(c => c.Type));
    }

    [Fact]
    public void Set_SameStatusNewReason_KeepsTransitionTimeAndUpdatesTheRest()
    {
        var conditions = new List<Condition> { Ready("False", "InvalidRegion", Earlier) };

        var changed = Conditions.Set(conditions, Ready("False", "InvalidSpec", Later) with { Message = "bad", ObservedGeneration = 3 });

        Assert.True(changed);
        Assert.Equal(Ready("False", "InvalidSpec", Earlier) with { Message = "bad", ObservedGeneration = 3 }, Assert.Single(conditions));
    }

    [Fact]
    public void Set_StatusChanges_TakesTheNewTransitionTime()
    {
        var conditions = new List<Condition> { Ready("Unknown", "Provisioning", Earlier) };

        var changed = Conditions.Set(conditions, Ready("True", "Available", Later));

        Assert.True(changed);
        Assert.Equal(Later, Assert.Single(conditions).LastTransitionTime);
    }

    [Fact]
    public void Set_IdenticalButForTime_ReportsUnchangedAndKeepsTheList()
    {
        var original = Ready("True", "Available", Earlier) with { ObservedGeneration = 2 };
        var conditions = new List<Condition> { original };

        var changed = Conditions.Set(conditions, original with { LastTransitionTime = Later });

        Assert.False(changed);
        Assert.Same(original, Assert.Single(conditions));
    }

    [Fact]
    public void Set_OnlyObservedGenerationChanges_ReportsChanged()
    {
        var conditions = new List<Condition> { Ready("True", "Available", Earlier) with { ObservedGeneration = 1 } };

        Assert.True(Conditions.Set(conditions, Ready("True", "Available", Later) with { ObservedGeneration = 2 }));
        Assert.Equal(2, Assert.Single(conditions).ObservedGeneration);
    }

    [Fact]
    public void Find_ByType_ReturnsItOrNull()
    {
        var conditions = new List<Condition> { Ready("True", "Available", Earlier) };

        Assert.Equal("Available", Conditions.Find(conditions, "Ready")?.Reason);
        Assert.Null(Conditions.Find(conditions, "Synced"));
        Assert.Null(Conditions.Find(null, "Ready"));
    }

    private static Condition Ready(string status, string reason, DateTimeOffset at) => new()
    {
        Type = "Ready",
        Status = status,
        Reason = reason,
        Message = "",
        LastTransitionTime = at,
    };
}
