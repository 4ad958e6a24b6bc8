namespace BucketOperator.Operator.Storage;

/// <summary>
/// The S3 signing region of a Latitude endpoint (object-storage.md §8): standard buckets live at
/// <c>objects.&lt;aws-region&gt;.storage.sh</c>, high-performance ones at <c>objects.&lt;site&gt;.storage.sh</c>;
/// in both the label between "objects." and ".storage.sh" is the region. Any other endpoint (a local S3 server)
/// signs as us-east-1, what S3-compatible servers accept by default.
/// </summary>
internal static class S3Endpoints
{
    public const string FallbackRegion = "us-east-1";

    public static string SigningRegion(Uri endpoint)
    {
        var labels = endpoint.Host.Split('.');
        return labels is ["objects", var region, "storage", "sh"] ? region.ToLowerInvariant() : FallbackRegion;
    }
}
