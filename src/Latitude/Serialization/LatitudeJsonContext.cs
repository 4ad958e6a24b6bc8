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
[JsonSerializable(typeof(AccessKeyAttributes))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class LatitudeJsonContext : JsonSerializerContext;
