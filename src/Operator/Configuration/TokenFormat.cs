namespace BucketOperator.Operator.Configuration;

/// <summary>
/// What a Latitude API token can look like, wherever it comes from (environment, file, a team's Secret): it is
/// sent verbatim as the Authorization header, which carries printable ASCII only, so whitespace, control or
/// non-ASCII characters inside it, or a megabyte of text, mean it is not a token (rather than a request that
/// fails before it is sent, every time, as if the provider were down).
/// </summary>
internal static class TokenFormat
{
    /// <summary>Latitude tokens are short; anything this long is not one.</summary>
    public const int MaxLength = 4096;

    /// <summary>Whether <paramref name="token"/> (already trimmed) can be a token.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is > 0 and <= MaxLength && token.All(c => c is > ' ' and < '\u007f');
}
