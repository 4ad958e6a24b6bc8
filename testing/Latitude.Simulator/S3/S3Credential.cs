using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.S3;

/// <summary>The access key ID an S3 request is signed with, wherever the signature puts it.</summary>
internal static class S3Credential
{
    /// <summary>
    /// From <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/…</c> or <c>AWS AKID:…</c> (SigV2), else from a
    /// presigned URL's <c>X-Amz-Credential=AKID/…</c> or <c>AWSAccessKeyId=AKID</c>; null for an anonymous request.
    /// </summary>
    public static string? AccessKeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string V4 = "Credential=";
        var v4 = header.IndexOf(V4, StringComparison.Ordinal);
        if (v4 >= 0)
        {
            return UpToSlash(header[(v4 + V4.Length)..]);
        }

        if (header.StartsWith("AWS ", StringComparison.Ordinal) && header.IndexOf(':', StringComparison.Ordinal) is > 4 and var colon)
        {
            return header[4..colon].Trim();
        }

        if (request.Query["X-Amz-Credential"].ToString() is { Length: > 0 } credential)
        {
            return UpToSlash(credential);
        }

        return request.Query["AWSAccessKeyId"].ToString() is { Length: > 0 } id ? id : null;
    }

    private static string? UpToSlash(string credential)
    {
        var slash = credential.IndexOf('/', StringComparison.Ordinal);
        var id = (slash < 0 ? credential : credential[..slash]).Trim();
        return id.Length > 0 ? id : null;
    }
}
