using BucketOperator.Entities;
using BucketOperator.Kubernetes.Cache;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Watches ObjectBuckets go (or change their <c>credentialsSecretRef</c>) and then lets <see cref="TokenSecretGuard"/>
/// release the token Secret they named, so a namespace whose last team-token buckets were deleted together completes.
/// Runs beside the informer's dispatch (which must not wait on API calls), retrying a failed write a few times.
/// </summary>
internal sealed partial class TokenSecretRelease(TokenSecretGuard guard, ILogger<TokenSecretRelease> logger, TimeProvider time) : IResourceEventHandler<ObjectBucket>
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private const int Attempts = 5;

    public void OnAdd(ObjectBucket obj)
    {
    }

    public void OnUpdate(ObjectBucket oldObj, ObjectBucket newObj)
    {
        if (oldObj.Spec.CredentialsSecretRef is { } before && before.Name != newObj.Spec.CredentialsSecretRef?.Name)
        {
            Release(oldObj.Metadata.NamespaceProperty, before.Name);
        }
    }

    public void OnDelete(ObjectBucket obj, bool finalStateUnknown)
    {
        if (obj.Spec.CredentialsSecretRef is { } reference)
        {
            Release(obj.Metadata.NamespaceProperty, reference.Name);
        }
    }

    private void Release(string? @namespace, string name) => _ = Task.Run(async () =>
    {
        var wait = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await guard.ReleaseIfUnusedAsync(@namespace, name, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < Attempts)
            {
                Log.RetryingRelease(logger, @namespace, name, e.Message);
                await Task.Delay(wait, time);
                wait *= 2;
            }
            catch (Exception e)
            {
                Log.ReleaseFailed(logger, e, @namespace, name);
                return;
            }
        }
    });

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing token Secret {Namespace}/{Name} failed ({Error}); trying again")]
        public static partial void RetryingRelease(ILogger logger, string? @namespace, string name, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Token Secret {Namespace}/{Name} keeps its token-in-use finalizer: no ObjectBucket uses it, but removing it failed")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string? @namespace, string name);
    }
}
