using System.Globalization;
using System.Text.RegularExpressions;

namespace BucketOperator.TestSupport;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4: it fails on anything a Prometheus server
/// would reject or misread (bad names, unescaped label values, samples before their TYPE, a metric's lines
/// split up, duplicate series, histograms whose buckets are not cumulative or lack +Inf, _sum or _count).
/// </summary>
public static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>Each metric family's TYPE, once the whole text passed <see cref="Parse"/>.</summary>
    public static IReadOnlyDictionary<string, string> Families(string text)
    {
        Parse(text);
        return text.Split('\n').Select(line => line.Split(' ', 4)).Where(parts => parts is ["#", "TYPE", _, _]).ToDictionary(parts => parts[2], parts => parts[3]);
    }

    public static IReadOnlyList<Sample> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition must end with a line feed");
        }

        var samples = new List<Sample>();
        var types = new Dictionary<string, string>();
        var finished = new HashSet<string>();
        var seen = new HashSet<string>();
        string? current = null;
        var lineNumber = 0;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts is ["#", "TYPE", var name, var type])
                {
                    Require(MetricName().IsMatch(name), lineNumber, $"bad metric name '{name}'");
                    Require(type is "counter" or "gauge" or "histogram" or "summary" or "untyped", lineNumber, $"unknown type '{type}'");
                    Require(types.TryAdd(name, type), lineNumber, $"second TYPE line for {name}");
                    Start(name);
                }
                else if (parts is ["#", "HELP", var helped, ..])
                {
                    Require(MetricName().IsMatch(helped), lineNumber, $"bad metric name '{helped}'");
                    Start(helped);
                }

                continue;
            }

            var match = SampleLine().Match(line);
            Require(match.Success, lineNumber, $"not a sample line: {line}");
            var sampleName = match.Groups["name"].Value;
            var labels = ParseLabels(match.Groups["labels"].Value, lineNumber);
            var value = ParseValue(match.Groups["value"].Value, lineNumber);
            var family = Family(sampleName, types);
            Require(types.ContainsKey(family), lineNumber, $"sample of {sampleName} without a TYPE line");
            Require(family == current, lineNumber, $"samples of {family} are not together");
            Require(seen.Add(sampleName + "{" + string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal)) + "}"), lineNumber, $"duplicate series {line}");
            Require(types[family] != "counter" || value >= 0, lineNumber, $"negative counter {line}");
            samples.Add(new Sample(sampleName, labels, value));
        }

        foreach (var (name, _) in types.Where(t => t.Value == "histogram"))
        {
            CheckHistogram(name, samples);
        }

        return samples;

        void Start(string name)
        {
            if (current == name)
            {
                return;
            }

            if (current is not null)
            {
                finished.Add(current);
            }

            Require(!finished.Contains(name), lineNumber, $"lines of {name} are not together");
            current = name;
        }
    }

    /// <summary>
    /// The sum of the samples of <paramref name="name"/> whose labels include <paramref name="labels"/> (so a counter
    /// split by a label nobody asked about reads as its total), or null when none matches: a missing series is not
    /// a zero, and a test that checks one must fail when it is gone.
    /// </summary>
    public static double? Value(IEnumerable<Sample> samples, string name, params (string Key, string Value)[] labels)
    {
        var matching = samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    private static string Family(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sample[..^suffix.Length], out var type) && type == "histogram")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    private static void CheckHistogram(string name, List<Sample> samples)
    {
        static string Key(Sample s) => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal));
        foreach (var series in samples.Where(s => s.Name == name + "_bucket").GroupBy(Key))
        {
            var buckets = series.Select(s => (Le: ParseValue(s.Labels["le"], 0), s.Value)).ToList();
            if (!buckets.Select(b => b.Le).SequenceEqual(buckets.Select(b => b.Le).Order()) || !double.IsPositiveInfinity(buckets[^1].Le))
            {
                throw new FormatException($"{name}{{{series.Key}}}: buckets not ascending or no le=\"+Inf\"");
            }

            if (buckets.Zip(buckets.Skip(1)).Any(pair => pair.Second.Value < pair.First.Value))
            {
                throw new FormatException($"{name}{{{series.Key}}}: bucket counts are not cumulative");
            }

            var count = samples.SingleOrDefault(s => s.Name == name + "_count" && Key(s) == series.Key)
                ?? throw new FormatException($"{name}{{{series.Key}}}: no _count");
            _ = samples.SingleOrDefault(s => s.Name == name + "_sum" && Key(s) == series.Key) ?? throw new FormatException($"{name}{{{series.Key}}}: no _sum");
            if (count.Value != buckets[^1].Value)
            {
                throw new FormatException($"{name}{{{series.Key}}}: _count {count.Value} differs from the +Inf bucket {buckets[^1].Value}");
            }
        }
    }

    private static Dictionary<string, string> ParseLabels(string text, int lineNumber)
    {
        var labels = new Dictionary<string, string>();
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            Require(eq > i, lineNumber, $"bad labels '{text}'");
            var name = text[i..eq];
            Require(LabelName().IsMatch(name), lineNumber, $"bad label name '{name}'");
            Require(eq + 1 < text.Length && text[eq + 1] == '"', lineNumber, $"label {name}: value not quoted");
            var value = new System.Text.StringBuilder();
            var j = eq + 2;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    Require(j < text.Length && text[j] is '\\' or '"' or 'n', lineNumber, $"label {name}: bad escape");
                    value.Append(text[j] == 'n' ? '\n' : text[j]);
                }
                else
                {
                    Require(text[j] != '\n', lineNumber, $"label {name}: raw line feed");
                    value.Append(text[j]);
                }
            }

            Require(j < text.Length, lineNumber, $"label {name}: unterminated value");
            Require(labels.TryAdd(name, value.ToString()), lineNumber, $"label {name} twice");
            i = j + 1;
            if (i < text.Length)
            {
                Require(text[i] == ',', lineNumber, $"labels not separated by commas: '{text}'");
                i++;
            }
        }

        return labels;
    }

    private static double ParseValue(string text, int lineNumber) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"line {lineNumber}: bad value '{text}'"),
    };

    private static void Require(bool condition, int lineNumber, string message)
    {
        if (!condition)
        {
            throw new FormatException($"line {lineNumber}: {message}");
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>.*)\\})? (?<value>\\S+)( -?\\d+)?$")]
    private static partial Regex SampleLine();
}
