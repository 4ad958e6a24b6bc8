namespace BucketOperator.Entities;

/// <summary>Names users and tools rely on (SPEC "Names users and tools rely on"); changing one breaks them.</summary>
public static class ObjectBucketNames
{
    /// <summary>Holds the ObjectBucket until the Latitude bucket is deleted or retained.</summary>
    public const string Finalizer = "storage.latitude.sh/finalizer";

    /// <summary>On a team token Secret while an ObjectBucket with deletionPolicy Delete uses it: the token outlives its buckets.</summary>
    public const string TokenInUseFinalizer = "storage.latitude.sh/token-in-use";

    /// <summary>
    /// On a team token Secret while any ObjectBucket uses it (value <see cref="TokenSecretValue"/>): the operator
    /// watches Secrets by this label only, so a token change requeues its users at once.
    /// </summary>
    public const string TokenSecretLabel = "storage.latitude.sh/token-secret";

    public const string TokenSecretValue = "true";

    /// <summary>Keep the keys issued for a Retain bucket when its ObjectBucket goes (they are deleted otherwise).</summary>
    public const string RetainCredentialsAnnotation = "storage.latitude.sh/retain-credentials";

    /// <summary>Annotation whose value "true" opts in to taking over an existing bucket of the same name.</summary>
    public const string AdoptAnnotation = "storage.latitude.sh/adopt";

    /// <summary>The field manager of the operator's server-side apply writes.</summary>
    public const string FieldManager = "latitude-bucket-operator";

    /// <summary>Label key on the generated Secret; its value is <see cref="ManagedByValue"/>.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "latitude-bucket-operator";

    /// <summary>Label key on the generated Secret; its value is the name of the owning ObjectBucket.</summary>
    public const string ObjectBucketLabel = "storage.latitude.sh/objectbucket";

    /// <summary>The condition type that always exists in <c>status.conditions</c>.</summary>
    public const string ReadyCondition = "Ready";
}
