using System.Globalization;
using System.Text;
using BucketOperator.Benchmarks.Measurement;

namespace BucketOperator.Benchmarks.Results;

/// <summary>What one scenario measured: its tables, notes on how to read them, and the conditions of the run.</summary>
internal sealed record ScenarioReport(string Id, string Title, ScenarioResult Result, RunConditions Conditions)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"_{Conditions}_").AppendLine();
        foreach (var table in Result.Tables)
        {
            text.Append(table.ToMarkdown()).AppendLine();
        }

        foreach (var note in Result.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString().TrimEnd() + "\n";
    }
}

/// <summary>A scenario's tables and the notes that say how to read them (the physical limit, what was scaled).</summary>
internal sealed record ScenarioResult(IReadOnlyList<ResultTable> Tables, IReadOnlyList<string> Notes);

/// <summary>When and how busy: the machine is shared, so every figure carries the load it was measured under.</summary>
internal sealed record RunConditions(DateTimeOffset Started, TimeSpan Duration, bool Quick, LoadAverage LoadBefore, LoadAverage LoadAfter)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Measured {Started:yyyy-MM-dd HH:mm} UTC{(Quick ? " in quick mode" : "")}, {Duration.TotalSeconds:0} s; load average (1, 5, 15 min) {LoadBefore} before, {LoadAfter} after.");
}
