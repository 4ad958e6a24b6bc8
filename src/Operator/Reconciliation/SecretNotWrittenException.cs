using BucketOperator.Kubernetes.Client;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// A new key could not be stored in the connection Secret (a stale view of it, a terminating namespace, an admission
/// webhook): the key was revoked again. Paced like a failed Latitude call, because every retry issues a key.
/// </summary>
internal sealed class SecretNotWrittenException(string secretName, KubernetesApiException inner)
    : Exception($"Secret {secretName} could not be written ({inner.Message}); the key issued for it was deleted again", inner);
