using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace BucketOperator.Kubernetes.Diagnostics;

/// <summary>
/// Renders the instruments of the named meters in the Prometheus text exposition format 0.0.4, so a process
/// can serve <c>/metrics</c> without prometheus-net or the OpenTelemetry exporter. Counters become
/// <c>counter</c>, histograms <c>histogram</c> (Prometheus' default buckets, in the instrument's unit), and
/// everything else <c>gauge</c>. Instrument names are used as they are (they are already Prometheus-style), with
/// characters Prometheus does not allow replaced by <c>_</c>. Observable instruments are read at each scrape.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Family> _families = new();
    private readonly Lock _scrape = new();

    public PrometheusExporter(params IReadOnlyCollection<string> meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name))
            {
                _families.TryAdd(instrument, new Family(instrument));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Every series, grouped by metric, each metric with its HELP and TYPE lines.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            // Observable series are the callbacks' current answer: what they no longer report disappears.
            foreach (var family in _families.Values.Where(f => f.Instrument.IsObservable))
            {
                family.Series.Clear();
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var group in _families.Values.GroupBy(f => f.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = group.First();
                text.Append("# HELP ").Append(group.Key).Append(' ').Append(EscapeHelp(first.Instrument.Description ?? group.Key)).Append('\n');
                text.Append("# TYPE ").Append(group.Key).Append(' ').Append(first.Type).Append('\n');
                foreach (var (labels, series) in group.SelectMany(f => f.Series).OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    series.Write(text, group.Key, labels);
                }
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_families.TryGetValue(instrument, out var family))
        {
            return;
        }

        var labels = Labels(tags);
        var series = family.Series.GetOrAdd(labels, _ => family.Type == "histogram" ? new HistogramSeries() : new ValueSeries());
        series.Record(value, accumulate: instrument is Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add($"{Sanitize(tag.Key)}=\"{EscapeLabelValue(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "")}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    internal static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var allowed = char.IsAsciiLetter(c) || c == '_' || c == ':' || (i > 0 && char.IsAsciiDigit(c));
            chars[i] = allowed ? c : '_';
        }

        return new string(chars);
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) => EscapeHelp(value).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private sealed class Family(Instrument instrument)
    {
        public Instrument Instrument { get; } = instrument;

        public string Name { get; } = Sanitize(instrument.Name);

        public string Type { get; } = instrument switch
        {
            Histogram<double> or Histogram<long> or Histogram<int> => "histogram",
            Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => "counter",
            _ => "gauge",
        };

        public ConcurrentDictionary<string, Series> Series { get; } = new(StringComparer.Ordinal);
    }

    private abstract class Series
    {
        public abstract void Record(double value, bool accumulate);

        public abstract void Write(StringBuilder text, string name, string labels);

        protected static void Sample(StringBuilder text, string name, string labels, double value) =>
            text.Append(name).Append(labels.Length == 0 ? "" : $"{{{labels}}}").Append(' ').Append(Number(value)).Append('\n');
    }

    private sealed class ValueSeries : Series
    {
        private double _value;

        public override void Record(double value, bool accumulate)
        {
            if (!accumulate)
            {
                Volatile.Write(ref _value, value);
                return;
            }

            double seen, updated;
            do
            {
                seen = Volatile.Read(ref _value);
                updated = seen + value;
            }
            while (Interlocked.CompareExchange(ref _value, updated, seen) != seen);
        }

        public override void Write(StringBuilder text, string name, string labels) => Sample(text, name, labels, Volatile.Read(ref _value));
    }

    private sealed class HistogramSeries : Series
    {
        private readonly long[] _counts = new long[DefaultBuckets.Length + 1];
        private double _sum;
        private long _count;

        public override void Record(double value, bool accumulate)
        {
            lock (_counts)
            {
                var bucket = Array.FindIndex(DefaultBuckets, bound => value <= bound);
                _counts[bucket < 0 ? DefaultBuckets.Length : bucket]++;
                _sum += value;
                _count++;
            }
        }

        public override void Write(StringBuilder text, string name, string labels)
        {
            lock (_counts)
            {
                var prefix = labels.Length == 0 ? "" : labels + ",";
                long cumulative = 0;
                for (var i = 0; i < DefaultBuckets.Length; i++)
                {
                    cumulative += _counts[i];
                    Sample(text, name + "_bucket", $"{prefix}le=\"{Number(DefaultBuckets[i])}\"", cumulative);
                }

                Sample(text, name + "_bucket", $"{prefix}le=\"+Inf\"", _count);
                Sample(text, name + "_sum", labels, _sum);
                Sample(text, name + "_count", labels, _count);
            }
        }
    }
}
