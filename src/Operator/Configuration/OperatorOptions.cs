namespace BucketOperator.Operator.Configuration;

/// <summary>The settings of SPEC's "Operator process" table, parsed and validated (see <see cref="OperatorSettings"/>).</summary>
public sealed record OperatorOptions
{
    /// <summary>Null: in-cluster, then <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Default https://api.latitude.sh.</summary>
    public Uri LatitudeApiUrl { get; init; } = new("https://api.latitude.sh");

    /// <summary>File holding the operator's token, re-read when it changes.</summary>
    public string? LatitudeTokenFile { get; init; }

    /// <summary>The operator's token itself (environment only: a flag would show in the process list).</summary>
    public string? LatitudeToken { get; init; }

    /// <summary>GET requests per token in any minute (default 60, Latitude's documented limit), shared by every worker.</summary>
    public int LatitudeReadsPerMinute { get; init; } = 60;

    /// <summary>POST and DELETE requests per token in any minute (default 20, Latitude's documented limit), shared by every worker.</summary>
    public int LatitudeWritesPerMinute { get; init; } = 20;

    /// <summary>Project used when <c>spec.project</c> is empty.</summary>
    public string? DefaultProject { get; init; }

    /// <summary>Empty: every namespace.</summary>
    public IReadOnlyList<string> WatchNamespaces { get; init; } = [];

    /// <summary>Concurrent reconciles (default 4).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>How often Available buckets are checked against the API (default 10 min).</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public bool LeaderElect { get; init; }

    /// <summary>Null: the service account's namespace, else latitude-system.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>Default ":8080".</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>Default ":8081".</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";

    /// <summary>
    /// How long a terminal (Ready=False) state waits before it is looked at again without a change (default 5 min).
    /// Not a flag: SPEC fixes "slowly (minutes)"; tests shorten it.
    /// </summary>
    public TimeSpan TerminalRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// First wait after a failed Latitude call (5xx, timeout, unknown outcome), doubling with jitter up to 5 min (default
    /// 5 s, SPEC "Quota is shared fairly"). Not a flag; tests shorten it.
    /// </summary>
    public TimeSpan ProviderRetry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait after transient Latitude failures in a row (default 5 min). Not a flag; tests that scale the API's minute scale it too.</summary>
    public TimeSpan MaxProviderRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Records changes made to the informers' shared cache objects (<see cref="Hosting.BucketOperatorRuntime.CacheReadOnlyViolations"/>).
    /// Not a flag: it costs a serialization per cache read; the end-to-end tests turn it on and expect none.
    /// </summary>
    public bool CheckCacheReadOnly { get; init; }

    /// <summary>"json" (default) or "text".</summary>
    public string LogFormat { get; init; } = "json";

    /// <summary>Neither flag nor variable prints the token.</summary>
    public override string ToString() =>
        $"OperatorOptions {{ Kubeconfig = {Kubeconfig}, LatitudeApiUrl = {LatitudeApiUrl}, LatitudeTokenFile = {LatitudeTokenFile}, LatitudeToken = {(LatitudeToken is null ? "unset" : "set (hidden)")}, DefaultProject = {DefaultProject}, WatchNamespaces = [{string.Join(',', WatchNamespaces)}], Workers = {Workers}, ResyncPeriod = {ResyncPeriod}, LeaderElect = {LeaderElect} }}";
}
