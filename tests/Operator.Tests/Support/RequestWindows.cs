namespace BucketOperator.Operator.Tests.Support;

/// <summary>Rate-limit arithmetic over the simulator's request log, by arrival time (what the API counts).</summary>
internal static class RequestWindows
{
    /// <summary>The most instants within any window of <paramref name="window"/> (a sliding window: [t, t + window)).</summary>
    public static int Peak(IEnumerable<DateTimeOffset> arrivals, TimeSpan window)
    {
        var sorted = arrivals.Order().ToList();
        var peak = 0;
        for (int first = 0, last = 0; last < sorted.Count; last++)
        {
            while (sorted[last] - sorted[first] >= window)
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }
}
