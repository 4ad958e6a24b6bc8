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
    internal const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}

/// <summary>
/// The same wire form for the package's models, which carry times as <see cref="DateTime"/>: always read as UTC
/// (<see cref="DateTimeKind.Utc"/>), so comparing them with a <see cref="TimeProvider"/>'s clock never goes through local time.
/// </summary>
public sealed class KubernetesDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(
            (value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime())
                .ToString(KubernetesTimeConverter.Format, CultureInfo.InvariantCulture));
}
