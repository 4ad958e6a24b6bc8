using System.Net.Http.Headers;
using k8s.Authentication;

namespace BucketOperator.Kubernetes.Config;

/// <summary>
/// Lets one request at a time ask the package's token provider for the header. The package's exec-plugin provider
/// checks whether its credential is fresh without a lock, so the informers' first requests, sent together at start,
/// each ran the plugin (an <c>aws eks get-token</c> takes about a second); behind this, one runs and the rest get its
/// result. Asking a provider whose token is fresh takes microseconds, so the wait costs nothing in steady state.
/// </summary>
// A SemaphoreSlim holds nothing to release unless its AvailableWaitHandle was asked for, which it never is here.
#pragma warning disable CA1001
internal sealed class SerialTokenProvider(ITokenProvider inner) : ITokenProvider
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await inner.GetAuthenticationHeaderAsync(cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }
}
