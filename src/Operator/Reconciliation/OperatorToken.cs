using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The operator's own Latitude token: from <c>LATITUDE_API_TOKEN</c>, or from the token file, whose content is read
/// again at most <see cref="RereadAfter"/> after the last read (SPEC "Tokens change without restarts"). Content, not
/// modification time: the kubelet updates a mounted Secret by swapping a <c>..data</c> symlink, which leaves the
/// file's time as it was.
/// </summary>
internal sealed class OperatorToken(OperatorOptions options, TimeProvider time)
{
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private (long ReadAt, string? Token)? _fromFile;

    /// <summary>Null when neither is configured, or the file is missing, unreadable or empty.</summary>
    public string? Current()
    {
        if (options.LatitudeTokenFile is not { } path)
        {
            return string.IsNullOrWhiteSpace(options.LatitudeToken) ? null : options.LatitudeToken.Trim();
        }

        lock (_gate)
        {
            if (_fromFile is not { } cached || time.GetElapsedTime(cached.ReadAt) >= RereadAfter)
            {
                _fromFile = cached = (time.GetTimestamp(), Read(path));
            }

            return cached.Token;
        }
    }

    private static string? Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable: no token until the next read, which a fixed file passes.
            return null;
        }
    }
}
