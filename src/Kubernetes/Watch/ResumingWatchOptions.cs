namespace BucketOperator.Kubernetes.Watch;

/// <summary>Where a <see cref="ResumingWatch{T}"/> watches from and how it reconnects (defaults as client-go's reflector).</summary>
public sealed record ResumingWatchOptions
{
    /// <summary>Where to start: usually the resourceVersion of the list that filled the cache.</summary>
    public required string ResourceVersion { get; init; }

    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Each connection asks the server to end it after this to 2× this (default 5 minutes), so no stream hangs forever.</summary>
    public TimeSpan MinimumTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the server's timeout the client abandons a connection that is still open (default 30 s).</summary>
    public TimeSpan ClientGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection that delivers nothing, not even a bookmark, for this long is abandoned and replaced
    /// (default 90 s). The server sends bookmarks about once a minute on a quiet watch served from its watch
    /// cache, so a healthy connection is never this silent; a dead one is normally noticed sooner, by the
    /// transport's HTTP/2 pings or TCP keep-alive (45 s, see <see cref="Config.ConnectionOptions"/>).
    /// This catches what those cannot: a peer such as a proxy that answers pings but forwards nothing.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Connections start at least this far apart (default 1 s). A connection shorter than this that delivered
    /// nothing counts as a failure, as a stream the server ends at once means something is wrong.
    /// </summary>
    public TimeSpan MinimumRestartInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay after a failure (default 800 ms), doubling with each further failure up to <see cref="MaximumBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Default 30 s, before jitter.</summary>
    public TimeSpan MaximumBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Each delay is stretched by a random 0 to this share of itself (default 1.0: up to twice as long), so clients do not reconnect in lockstep.</summary>
    public double JitterFactor { get; init; } = 1.0;

    /// <summary>The backoff starts again from <see cref="InitialBackoff"/> once this long has passed without a failure (default 2 minutes).</summary>
    public TimeSpan BackoffResetAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Called whenever the server is heard from: an event, a bookmark, or a stream it ended after its timeout.
    /// A watch that keeps failing to connect calls it no more, which is how a caller tells a dead watch from a
    /// quiet one. Must be cheap and must not throw.
    /// </summary>
    public Action? OnContact { get; init; }
}
