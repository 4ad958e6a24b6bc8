using System.Security.Cryptography;
using System.Text;

namespace BucketOperator.Kubernetes.Events;

/// <summary>
/// Deterministic Event names and message limits. The name is the involved object's name plus a hash of everything
/// that makes two events "the same", so every recorder (and every restart) finds the Event a repeat belongs to.
/// </summary>
internal static class EventIdentity
{
    /// <summary>Messages are cut to this many UTF-8 bytes, the API's limit for an event note.</summary>
    public const int MaxMessageBytes = 1024;

    private const int MaxNameLength = 253;
    private const int HashLength = 16;

    /// <summary><c>&lt;involved name&gt;.&lt;16 hex digits&gt;</c>, at most 253 characters.</summary>
    public static string Name(string involvedName, params ReadOnlySpan<string?> parts)
    {
        var joined = string.Join('\0', parts.ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..HashLength];
        var prefix = involvedName.Length > MaxNameLength - HashLength - 1 ? involvedName[..(MaxNameLength - HashLength - 1)] : involvedName;
        return $"{prefix}.{hash}";
    }

    /// <summary>The longest prefix of <paramref name="message"/> that fits <see cref="MaxMessageBytes"/>, never splitting a character.</summary>
    public static string Truncate(string message)
    {
        if (Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes)
        {
            return message;
        }

        var length = 0;
        var bytes = 0;
        foreach (var rune in message.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxMessageBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return message[..length];
    }
}
