namespace BucketOperator.Kubernetes.Events;

/// <summary>The occurrences one Event stands for: how many, the first and the last.</summary>
internal readonly record struct EventSeries(int Count, DateTimeOffset First, DateTimeOffset Last)
{
    public static EventSeries Start(DateTimeOffset now) => new(1, now, now);

    /// <summary>The series after one more occurrence at <paramref name="now"/>: continued within the window, otherwise a new one.</summary>
    public EventSeries Next(DateTimeOffset now, TimeSpan window) =>
        now - Last <= window ? new EventSeries(Count + 1, First, now) : Start(now);
}
