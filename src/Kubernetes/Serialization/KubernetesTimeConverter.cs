using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BucketOperator.Kubernetes.Serialization;

/// <summary>
/// Writes times as UTC RFC 3339 with exactly six fractional digits. That one shape is accepted both by
/// metav1.Time (which ignores the fraction) and by metav1.MicroTime (which requires it, e.g. Lease renewTime).
/// </summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
