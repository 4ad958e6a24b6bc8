using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.LeaderElection;

/// <summary>Leader election log messages (event IDs 4000–4099). Lease names, identities and API errors only.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Candidate {Identity} trying to acquire lease {Namespace}/{Name}")]
    public static partial void Candidate(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(4001, LogLevel.Information, "Acquired lease {Namespace}/{Name} as {Identity}")]
    public static partial void Acquired(ILogger logger, string @namespace, string name, string identity);

    [LoggerMessage(4002, LogLevel.Information, "Lease {Namespace}/{Name} is held by {Holder}")]
    public static partial void ObservedLeader(ILogger logger, string @namespace, string name, string holder);

    [LoggerMessage(4003, LogLevel.Debug, "Could not acquire lease {Namespace}/{Name}: {Reason}")]
    public static partial void AcquireFailed(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(4004, LogLevel.Warning, "Could not renew lease {Namespace}/{Name} (leadership ends {RemainingMs} ms from now unless a renewal succeeds): {Reason}")]
    public static partial void RenewFailed(ILogger logger, string @namespace, string name, long remainingMs, string reason);

    [LoggerMessage(4005, LogLevel.Error, "Leader election lost: lease {Namespace}/{Name} not renewed within {RenewDeadlineMs} ms")]
    public static partial void Lost(ILogger logger, string @namespace, string name, long renewDeadlineMs);

    [LoggerMessage(4006, LogLevel.Information, "Released lease {Namespace}/{Name}")]
    public static partial void Released(ILogger logger, string @namespace, string name);

    [LoggerMessage(4007, LogLevel.Warning, "Could not release lease {Namespace}/{Name}; it expires on its own: {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(4008, LogLevel.Information, "Stopped leading lease {Namespace}/{Name}")]
    public static partial void Stopped(ILogger logger, string @namespace, string name);
}
