namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>One request the simulator answered (or dropped). The token is not recorded.</summary>
/// <param name="Status">The status sent, or 0 when the connection was dropped before an answer.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, int Status, DateTimeOffset At);
