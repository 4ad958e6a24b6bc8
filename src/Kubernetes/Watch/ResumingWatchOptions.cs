namespace BucketOperator.Kubernetes.Watch;

/// <summary>Where a <see cref="ResumingWatch{T}"/> watches from and how it reconnects.</summary>
public sealed record ResumingWatchOptions
{
    /// <summary>Where to start: usually the resourceVersion of the list that filled the cache.</summary>
    public required string ResourceVersion { get; init; }

    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Each connection asks the server to end it after this to 2× this (default 5 minutes), so no stream hangs forever.</summary>
    public TimeSpan MinimumTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the server's timeout the client abandons a silent connection (default 30 s).</summary>
    public TimeSpan ClientGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay after a dropped connection (default 800 ms, as client-go), doubling up to <see cref="MaximumBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Default 30 s.</summary>
    public TimeSpan MaximumBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
