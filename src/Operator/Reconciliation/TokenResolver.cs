using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Which Latitude token an ObjectBucket uses: the one in its <c>credentialsSecretRef</c>, else the operator's. A
/// token Secret is read from the cache of labelled token Secrets (see <see cref="TokenSecretGuard"/>), and by name
/// until it carries the label. A missing, empty or malformed token is <c>CredentialsMissing</c>, with a message that
/// never quotes the token.
/// </summary>
internal sealed class TokenResolver(IKubernetesClient client, ICacheReader<V1Secret> tokenSecrets, OperatorToken operatorToken)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ResolvedToken> ResolveAsync(ObjectBucket bucket, CancellationToken cancellationToken)
    {
        if (bucket.Spec.CredentialsSecretRef is not { } reference)
        {
            return operatorToken.Current() is { } token
                ? new ResolvedToken(token, null, null)
                : ResolvedToken.Missing("the operator has no Latitude token (LATITUDE_API_TOKEN or --latitude-token-file) and the ObjectBucket has no credentialsSecretRef");
        }

        var where = $"Secret {bucket.Metadata.NamespaceProperty}/{reference.Name} key {reference.Key}";
        var secret = tokenSecrets.Get(new ObjectKey(bucket.Metadata.NamespaceProperty, reference.Name))
            ?? await client.GetAsync<V1Secret>(reference.Name, bucket.Metadata.NamespaceProperty, cancellationToken);
        if (secret?.Data?.ValueOrDefault(reference.Key) is not { Length: > 0 } bytes)
        {
            return ResolvedToken.Missing(secret is null ? $"{where}: the Secret does not exist" : $"{where}: the key is missing or empty", secret);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).Trim();
        }
        catch (DecoderFallbackException)
        {
            return ResolvedToken.Missing($"{where}: the token is not valid UTF-8", secret);
        }

        return TokenFormat.IsWellFormed(text)
            ? new ResolvedToken(text, null, secret)
            : ResolvedToken.Missing($"{where}: the value is not a Latitude API token (empty, over {TokenFormat.MaxLength} characters, or containing whitespace, control or non-ASCII characters)", secret);
    }
}
