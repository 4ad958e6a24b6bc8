namespace BucketOperator.Entities;

/// <summary>
/// Reasons of the Events the operator records on an ObjectBucket besides failures (a failure's Warning uses
/// its <see cref="ReadyReasons"/> value).
/// </summary>
public static class EventReasons
{
    public const string Creating = "Creating";

    public const string Created = "Created";

    /// <summary>An existing bucket was taken over (a pending create of this resource, or the adopt annotation).</summary>
    public const string Adopted = "Adopted";

    public const string CredentialsIssued = "CredentialsIssued";

    /// <summary>The Secret was deleted or edited and has been written again.</summary>
    public const string SecretRestored = "SecretRestored";

    /// <summary>The key was revoked outside Kubernetes (gone from the project's key list and refused by S3): a new one replaced it.</summary>
    public const string CredentialsReissued = "CredentialsReissued";

    public const string VersioningEnabled = "VersioningEnabled";

    /// <summary>Lifecycle rules were created, updated or deleted to make the bucket's rules equal spec.lifecycleRules.</summary>
    public const string LifecycleRulesApplied = "LifecycleRulesApplied";

    public const string Deleting = "Deleting";

    public const string Deleted = "Deleted";

    /// <summary>The resource was deleted with <see cref="DeletionPolicies.Retain"/>: the bucket stays.</summary>
    public const string Retained = "Retained";

    /// <summary>Warning: the bucket is gone from Latitude (confirmed by a 404) and will be created again.</summary>
    public const string BucketMissing = "BucketMissing";
}
