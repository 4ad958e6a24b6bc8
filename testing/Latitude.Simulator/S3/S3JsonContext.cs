using System.Text.Json.Serialization;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>A key pair as the s3rver launcher's admin endpoint takes it.</summary>
internal sealed record KeyPair(string AccessKeyId, string SecretAccessKey);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KeyPair))]
[JsonSerializable(typeof(S3Refusal))]
internal sealed partial class S3JsonContext : JsonSerializerContext;
