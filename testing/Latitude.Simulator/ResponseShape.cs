namespace BucketOperator.Latitude.Simulator;

/// <summary>Which version of the API the simulator imitates (object-storage.md §10).</summary>
public enum ResponseShape
{
    /// <summary>The newest spec: <c>bkt_</c> IDs, no keys on buckets, 409 <c>STORAGE_CONFLICT</c>.</summary>
    Current,

    /// <summary>The seed OpenAPI (≤ July 2026): <c>bucket_</c> IDs, <c>access_key</c>/<c>secret_key</c> in the create response, 409 <c>CONFLICT</c>.</summary>
    Seed,
}
