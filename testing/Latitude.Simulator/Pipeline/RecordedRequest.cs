namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>One request the simulator answered (or dropped). The token is not recorded.</summary>
/// <param name="Status">The status sent, or 0 when the connection was dropped before an answer.</param>
/// <param name="At">When the answer started (or the connection was dropped).</param>
/// <param name="ReceivedAt">When the request arrived: what the API's rate limit counts.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, int Status, DateTimeOffset At, DateTimeOffset ReceivedAt);
