namespace BucketOperator.Operator.Configuration;

/// <summary>
/// What a Latitude API token can look like, wherever it comes from (environment, file, a team's Secret): it is
/// sent verbatim as the Authorization header, so whitespace or control characters inside it, or a megabyte of
/// text, mean it is not a token.
/// </summary>
internal static class TokenFormat
{
    /// <summary>Latitude tokens are short; anything this long is not one.</summary>
    public const int MaxLength = 4096;

    /// <summary>Whether <paramref name="token"/> (already trimmed) can be a token.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is > 0 and <= MaxLength && !token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
