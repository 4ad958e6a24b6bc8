using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BucketOperator.Latitude.Serialization;

/// <summary>
/// <c>created_at</c> as the API documents it (ISO 8601, e.g. <c>2026-03-19T10:30:00.000Z</c>), and what else a
/// timestamp field is seen to carry: no offset (read as UTC, never as this machine's time), a space instead of the
/// <c>T</c>, a trailing <c>UTC</c>, or Unix seconds. Anything else reads as absent rather than failing the whole
/// response: one odd item must not make a list of hundreds unreadable, and an absent <c>created_at</c> is already
/// handled with care (a bucket without one is read by ID, and never taken on that alone).
/// </summary>
internal sealed class LenientTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Parse(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800 => DateTimeOffset.FromUnixTimeSeconds(seconds),
        _ => Skip(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } timestamp)
        {
            writer.WriteStringValue(timestamp.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, Styles, out var parsed) ? parsed : null;
    }

    private static DateTimeOffset? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
