namespace BucketOperator.Entities;

/// <summary>
/// Reasons of the <c>Ready</c> condition (SPEC "Conditions"). The condition status each one goes with is
/// noted; Warning Events of a failure use the same reason.
/// </summary>
public static class ReadyReasons
{
    /// <summary>True: the bucket exists and the Secret is written and verified.</summary>
    public const string Available = "Available";

    /// <summary>Unknown: work in progress, or waiting to retry a transient failure.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>Unknown: the resource is being deleted.</summary>
    public const string Deleting = "Deleting";

    /// <summary>False: the name is taken by a bucket this resource does not own.</summary>
    public const string BucketNameConflict = "BucketNameConflict";

    /// <summary>False: the region does not sell the storage class.</summary>
    public const string LocationUnavailable = "LocationUnavailable";

    public const string InvalidRegion = "InvalidRegion";

    public const string InvalidProject = "InvalidProject";

    /// <summary>False: the API's VALIDATION_ERROR or the operator's own validation.</summary>
    public const string InvalidSpec = "InvalidSpec";

    public const string ImmutableFieldChanged = "ImmutableFieldChanged";

    /// <summary>False: the team has no object storage.</summary>
    public const string StorageNotEnabled = "StorageNotEnabled";

    public const string Unauthorized = "Unauthorized";

    /// <summary>False: the token Secret is missing or empty.</summary>
    public const string CredentialsMissing = "CredentialsMissing";

    /// <summary>False: a Secret named <c>spec.secretName</c> exists and is not owned by this resource.</summary>
    public const string SecretConflict = "SecretConflict";

    /// <summary>Unknown: the API answered 429; retried after its <c>retry_after</c>.</summary>
    public const string RateLimited = "RateLimited";

    /// <summary>Unknown: 5xx, timeout or connection failure; retried with backoff.</summary>
    public const string ProviderError = "ProviderError";

    /// <summary>False: the API refused the delete (bucket not empty, object lock).</summary>
    public const string DeletionBlocked = "DeletionBlocked";

    /// <summary>False: S3 refused to enable versioning on the existing bucket.</summary>
    public const string VersioningUpdateFailed = "VersioningUpdateFailed";

    /// <summary>False: Latitude refused a lifecycle rule of the spec (422 VALIDATION_ERROR); the message names the rule.</summary>
    public const string LifecycleRuleRejected = "LifecycleRuleRejected";
}
