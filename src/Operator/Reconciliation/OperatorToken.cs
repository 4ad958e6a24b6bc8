using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The operator's own Latitude token: from <c>LATITUDE_API_TOKEN</c>, or from the token file, re-read whenever
/// the file changes (a rotated Secret mounted as a file updates in place).
/// </summary>
internal sealed class OperatorToken(OperatorOptions options)
{
    private readonly Lock _gate = new();
    private (DateTime Modified, string? Token) _fromFile;

    /// <summary>Null when neither is configured, or the file is missing or empty.</summary>
    public string? Current()
    {
        if (options.LatitudeTokenFile is not { } path)
        {
            return string.IsNullOrWhiteSpace(options.LatitudeToken) ? null : options.LatitudeToken.Trim();
        }

        var modified = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (_gate)
        {
            if (modified != _fromFile.Modified)
            {
                var text = modified == DateTime.MinValue ? null : File.ReadAllText(path).Trim();
                _fromFile = (modified, string.IsNullOrEmpty(text) ? null : text);
            }

            return _fromFile.Token;
        }
    }
}
