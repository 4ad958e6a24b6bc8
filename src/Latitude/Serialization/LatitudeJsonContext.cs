using System.Text.Json;
using System.Text.Json.Serialization;

namespace BucketOperator.Latitude.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Document<Resource<BucketAttributes>>))]
[JsonSerializable(typeof(Document<List<Resource<BucketAttributes>>>))]
[JsonSerializable(typeof(Document<NewResource<CreateBucketAttributes>>))]
[JsonSerializable(typeof(Document<NewResource<CreateAccessKeyAttributes>>))]
[JsonSerializable(typeof(Document<JsonElement>))]
[JsonSerializable(typeof(Document<Resource<LifecycleRuleAttributes>>))]
[JsonSerializable(typeof(Document<List<Resource<LifecycleRuleAttributes>>>))]
[JsonSerializable(typeof(Document<NewResource<CreateLifecycleRuleAttributes>>))]
[JsonSerializable(typeof(Document<NewResource<UpdateLifecycleRuleAttributes>>))]
[JsonSerializable(typeof(Document<List<Resource<StorageUsageAttributes>>>))]
[JsonSerializable(typeof(AccessKeyAttributes))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class LatitudeJsonContext : JsonSerializerContext;
