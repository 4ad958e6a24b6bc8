using System.Text.Json.Serialization;

namespace BucketOperator.Benchmarks.Scale;

[JsonSerializable(typeof(ScaleProbeResult))]
internal sealed partial class ScaleJsonContext : JsonSerializerContext;
