using System.Text;

namespace BucketOperator.Operator.Status;

/// <summary>
/// Text from users or from the provider, made fit for a condition or Event message: hostile input must not turn a
/// message into a megabyte (the API server refuses a condition message over 32,768 characters) or into terminal
/// escapes.
/// </summary>
internal static class MessageText
{
    /// <summary>At most <paramref name="maxLength"/> UTF-16 characters, then '…'; never half a surrogate pair; control characters replaced by '?'.</summary>
    public static string Excerpt(string value, int maxLength)
    {
        var excerpt = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (excerpt.Length + rune.Utf16SequenceLength > maxLength)
            {
                return excerpt.Append('…').ToString();
            }

            excerpt.Append(Rune.IsControl(rune) ? "?" : rune.ToString());
        }

        return excerpt.ToString();
    }
}
