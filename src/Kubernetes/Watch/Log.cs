using Microsoft.Extensions.Logging;

namespace BucketOperator.Kubernetes.Watch;

/// <summary>Log messages of the watch layer (EventIds 1100–1119).</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Debug, "Watch of {Resource} from {ResourceVersion}: connection {Connection} ended after {Received} event(s); reconnecting in {DelayMs} ms")]
    public static partial void Reconnecting(ILogger logger, string resource, string resourceVersion, int connection, int received, long delayMs);

    [LoggerMessage(1101, LogLevel.Warning, "Watch of {Resource} from {ResourceVersion}: connection {Connection} failed; reconnecting in {DelayMs} ms")]
    public static partial void ConnectionFailed(ILogger logger, Exception error, string resource, string resourceVersion, int connection, long delayMs);

    [LoggerMessage(1102, LogLevel.Information, "Watch of {Resource}: connection {Connection} silent for {IdleSeconds} s or past its deadline; abandoning it")]
    public static partial void Abandoned(ILogger logger, string resource, int connection, double idleSeconds);
}
