using System.Globalization;
using System.Text;

namespace BucketOperator.Operator.Configuration;

/// <summary>
/// Reads SPEC's settings from flags and environment variables (a flag wins), validates them, and says in every
/// error which flag and variable to fix.
/// </summary>
public static class OperatorSettings
{
    private static readonly Setting[] Table =
    [
        new("--kubeconfig", "KUBECONFIG", "in-cluster, then ~/.kube/config", "the cluster", (o, v) => o with { Kubeconfig = v }),
        new("--latitude-api-url", "LATITUDE_API_URL", "https://api.latitude.sh", "API base URL", (o, v) => o with { LatitudeApiUrl = AbsoluteUri(v) }),
        new("--latitude-token-file", "LATITUDE_API_TOKEN_FILE", "—", "file holding the operator's token (re-read when it changes)", (o, v) => o with { LatitudeTokenFile = v }),
        new(null, "LATITUDE_API_TOKEN", "—", "the token itself", (o, v) => o with { LatitudeToken = Token(v) }),
        new("--latitude-reads-per-minute", "LATITUDE_READS_PER_MINUTE", "60", "GET requests per token per minute (Latitude's limit; raise only if Latitude raised yours)", (o, v) => o with { LatitudeReadsPerMinute = PerMinute(v) }),
        new("--latitude-writes-per-minute", "LATITUDE_WRITES_PER_MINUTE", "20", "writes per token per minute (Latitude's limit; raise only if Latitude raised yours)", (o, v) => o with { LatitudeWritesPerMinute = PerMinute(v) }),
        new("--default-project", "LATITUDE_DEFAULT_PROJECT", "—", "project when spec.project is empty", (o, v) => o with { DefaultProject = v }),
        new("--watch-namespaces", "WATCH_NAMESPACES", "all", "comma-separated namespaces to watch", (o, v) => o with { WatchNamespaces = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }),
        new("--workers", "WORKERS", "4", "concurrent reconciles", (o, v) => o with { Workers = Positive(v) }),
        new("--resync-period", "RESYNC_PERIOD", "10m", "how often Available buckets are checked against the API", (o, v) => o with { ResyncPeriod = Duration(v) }),
        new("--leader-elect", "LEADER_ELECT", "false", "Lease-based leader election", (o, v) => o with { LeaderElect = Boolean(v) }) { IsSwitch = true },
        new("--leader-election-namespace", "LEADER_ELECTION_NAMESPACE", "the service account's namespace, else latitude-system", "where the Lease lives", (o, v) => o with { LeaderElectionNamespace = v }),
        new("--metrics-bind-address", "METRICS_BIND_ADDRESS", ":8080", "/metrics (Prometheus text)", (o, v) => o with { MetricsBindAddress = Address(v) }),
        new("--health-probe-bind-address", "HEALTH_PROBE_BIND_ADDRESS", ":8081", "/healthz, /readyz", (o, v) => o with { HealthProbeBindAddress = Address(v) }),
        new("--log-format", "LOG_FORMAT", "json", "json or text", (o, v) => o with { LogFormat = v is "json" or "text" ? v : throw new FormatException("must be json or text") }),
    ];

    /// <summary>The options, or the errors (each naming its flag and variable), or a request for help.</summary>
    public static SettingsResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var errors = new List<string>();
        var values = new Dictionary<Setting, string>();
        foreach (var setting in Table)
        {
            if (environment(setting.Environment) is { Length: > 0 } value)
            {
                values[setting] = value;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (name is "--help" or "-h")
            {
                return new SettingsResult(null, [], Help());
            }

            var setting = Array.Find(Table, s => s.Flag == name);
            if (setting is null)
            {
                // Never the whole argument: "--latitude-api-token=…" or the word after an unknown flag may be a token.
                errors.Add(name.StartsWith('-') ? $"unknown flag '{name}' (see --help)" : $"unexpected argument {i + 1}: settings are flags (see --help)");
                continue;
            }

            if (inline is null && setting.IsSwitch && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                inline = "true";
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                errors.Add($"{setting.Names}: a value is required");
                continue;
            }

            values[setting] = value;
        }

        var options = new OperatorOptions();
        foreach (var (setting, value) in values)
        {
            try
            {
                options = setting.Apply(options, value);
            }
            catch (FormatException e)
            {
                errors.Add($"{setting.Names}: '{(setting.Flag is null ? "…" : value)}' is not valid: {e.Message}");
            }
        }

        return new SettingsResult(errors.Count == 0 ? options : null, errors, null);
    }

    public static string Help()
    {
        var text = new StringBuilder("latitude-bucket-operator: gives Kubernetes ObjectBuckets Latitude.sh buckets and S3 credentials.\n\nSettings (a flag wins over its environment variable):\n");
        foreach (var setting in Table)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {setting.Flag ?? "(environment only)",-30} {setting.Environment,-26} {setting.Meaning} (default: {setting.Default})\n");
        }

        return text.ToString();
    }

    private static Uri AbsoluteUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : throw new FormatException("must be an absolute http(s) URL");

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException("must be a positive whole number");

    private static int PerMinute(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000 ? n : throw new FormatException("must be a whole number from 1 to 100000");

    private static TimeSpan Duration(string value) =>
        Durations.TryParse(value, out var d) && d >= TimeSpan.FromSeconds(1) ? d : throw new FormatException("must be a duration of at least 1s, written like 30s, 10m or 1h");

    private static string Token(string value) =>
        TokenFormat.IsWellFormed(value.Trim()) ? value.Trim() : throw new FormatException($"must be a Latitude API token: up to {TokenFormat.MaxLength} printable ASCII characters, without whitespace inside");

    private static bool Boolean(string value) =>
        bool.TryParse(value, out var b) ? b : throw new FormatException("must be true or false");

    private static string Address(string value) =>
        BindAddress.TryParse(value, out _) ? value : throw new FormatException("must be :port, localhost:port or ip:port (a port from 1 to 65535)");
}
