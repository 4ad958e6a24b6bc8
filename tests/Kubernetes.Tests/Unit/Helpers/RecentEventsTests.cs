using BucketOperator.Kubernetes.Events;

namespace BucketOperator.Kubernetes.Tests.Unit.Helpers;

public sealed class RecentEventsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public void Observe_RepeatsWithinTheWindow_CountUpFromTheFirstOccurrence()
    {
        var recent = new RecentEvents(capacity: 10);

        var first = recent.Observe("k", Start, Window);
        var second = recent.Observe("k", Start.AddMinutes(9), Window);
        var third = recent.Observe("k", Start.AddMinutes(18), Window);

        Assert.Equal((EventSeries.Start(Start), false), first);
        Assert.Equal((new EventSeries(2, Start, Start.AddMinutes(9)), true), second);
        Assert.Equal((new EventSeries(3, Start, Start.AddMinutes(18)), true), third);
    }

    [Fact]
    public void Observe_AfterAQuietSpellLongerThanTheWindow_StartsANewSeries()
    {
        var recent = new RecentEvents(capacity: 10);
        recent.Set("k", new EventSeries(5, Start, Start));

        var next = recent.Observe("k", Start.AddMinutes(11), Window);

        Assert.Equal((EventSeries.Start(Start.AddMinutes(11)), true), next);
    }

    [Fact]
    public void Observe_OverCapacity_ForgetsTheLeastRecentlyUsed()
    {
        var recent = new RecentEvents(capacity: 2);
        recent.Observe("a", Start, Window);
        recent.Observe("b", Start, Window);
        recent.Observe("a", Start, Window);

        recent.Observe("c", Start, Window);

        Assert.Equal(2, recent.Count);
        Assert.True(recent.Observe("a", Start, Window).Known);
        Assert.False(recent.Observe("b", Start, Window).Known);
    }
}
