using System.Text;

namespace BucketOperator.Benchmarks.Results;

/// <summary>A Markdown table: a header row and rows of cells already formatted.</summary>
internal sealed class ResultTable(params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Columns => columns;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public ResultTable Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {columns.Length} columns", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The cells under one heading, top to bottom.</summary>
    public IReadOnlyList<string> Column(string heading)
    {
        var index = Array.IndexOf(columns, heading);
        return index < 0 ? throw new ArgumentException($"no column '{heading}'", nameof(heading)) : [.. _rows.Select(r => r[index])];
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
        text.Append('|').AppendJoin('|', columns.Select(_ => "---")).AppendLine("|");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }
}
