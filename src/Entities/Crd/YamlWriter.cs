using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BucketOperator.Entities.Crd;

/// <summary>
/// Writes a JSON tree as block-style YAML: keys in the tree's order, lists indented under their key, and
/// strings plain unless a YAML 1.1 or 1.2 reader (kubectl, Argo CD, kustomize) could take them for something
/// else, in which case they are double-quoted with JSON escapes (valid YAML).
/// </summary>
internal static class YamlWriter
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    // Plain scalars a YAML 1.1 reader (sigs.k8s.io/yaml) turns into booleans, nulls or merge keys.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "=", "<<",
    };

    public static string Write(JsonObject root)
    {
        var builder = new StringBuilder();
        WriteMapping(builder, root, 0, continuesLine: false);
        return builder.ToString();
    }

    private static void WriteMapping(StringBuilder builder, JsonObject map, int indent, bool continuesLine)
    {
        foreach (var (key, value) in map)
        {
            if (!continuesLine)
            {
                builder.Append(' ', indent);
            }

            continuesLine = false;
            builder.Append(Scalar(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    /// <summary>A value after "key:" or "-": inline when it is a scalar or empty, else on the following lines.</summary>
    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonObject map:
                builder.Append('\n');
                WriteMapping(builder, map, indent + 2, continuesLine: false);
                break;
            case JsonArray list:
                builder.Append('\n');
                WriteSequence(builder, list, indent + 2);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            builder.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } map)
            {
                builder.Append(' ');
                WriteMapping(builder, map, indent + 2, continuesLine: true);
            }
            else
            {
                WriteValue(builder, item, indent);
            }
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    private static string Scalar(string text) => IsPlainSafe(text) ? text : Quoted(text);

    private static bool IsPlainSafe(string text) =>
        text.Length > 0 &&
        !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) &&
        !Indicators.Contains(text[0], StringComparison.Ordinal) &&
        !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && text[^1] != ':' &&
        !text.Any(char.IsControl) &&
        !Reserved.Contains(text) &&
        !LooksNumeric(text);

    // Anything a reader could take for a number, a date or .inf/.nan: a digit near the start, or a dot-word.
    private static bool LooksNumeric(string text)
    {
        var rest = text.TrimStart('+', '-');
        return rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || (rest[0] == '.' && (rest.Length > 1 && char.IsAsciiDigit(rest[1]) || rest[1..] is "inf" or "Inf" or "INF" or "nan" or "NaN" or "NAN")));
    }

    private static string Quoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
