using System.Globalization;
using BucketOperator.Entities;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// Finds the project's bucket of the desired name and decides whether this object may take it (SPEC "Tenancy and
/// fairness", docs/design/create.md): never one another ObjectBucket holds; after an unknown create outcome only
/// with evidence (a <c>created_at</c> no earlier than the intent, read from the bucket itself when the list omits
/// it); by adoption only one whose region, class and lock match the spec.
/// </summary>
internal sealed class BucketLocator(ProjectInventory<Bucket> inventory, BucketClaims claims)
{
    /// <summary>How far Latitude's clock may be behind ours: a bucket created this long before our intent still counts as ours.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>After a create whose outcome is unknown (intent recorded at <paramref name="pending"/>): the bucket this object created, if the evidence shows it.</summary>
    public async Task<BucketLookup> FindCreatedAsync(ReconcileContext context, DateTimeOffset pending, CancellationToken cancellationToken)
    {
        if (await FindNamedAsync(context, cancellationToken) is not { } named)
        {
            return BucketLookup.NotFound;
        }

        if (Held(context, named) is { } held)
        {
            return held;
        }

        var bucket = named.CreatedAt is null ? await context.Latitude.GetBucketAsync(named.Id, cancellationToken) : named;
        return bucket switch
        {
            null => BucketLookup.NotFound,
            { CreatedAt: null } => Conflict($"bucket {named.BucketName} ({named.Id}) exists, but Latitude shows no created_at for it, so nothing proves it is the one this object's unanswered create made; it is not taken"),
            { CreatedAt: { } at } when at < pending - ClockSkew => Conflict($"bucket {named.BucketName} ({named.Id}) was created at {at:u}, before this object asked for it at {pending:u}; it belongs to someone else"),
            _ => BucketLookup.Found(bucket),
        };
    }

    /// <summary>With the adopt annotation: the bucket of the desired name, if no one else holds it and it is what the spec describes.</summary>
    public async Task<BucketLookup> FindAdoptableAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        if (await FindNamedAsync(context, cancellationToken) is not { } named)
        {
            return BucketLookup.NotFound;
        }

        if (Held(context, named) is { } held)
        {
            return held;
        }

        // The bucket's own record, not the list's entry: the documented list example lacks versioning and the lock,
        // and a list may lack region and class; status must report the bucket as it is. Adoption is rare: one GET.
        var bucket = await context.Latitude.GetBucketAsync(named.Id, cancellationToken);
        if (bucket is null)
        {
            return BucketLookup.NotFound;
        }

        var differences = Differences(context.Desired, bucket);
        return differences.Count == 0
            ? BucketLookup.Found(bucket)
            : BucketLookup.Refused(ReadyState.Failed(ReadyReasons.InvalidSpec, $"{ObjectBucketNames.AdoptAnnotation}: bucket {bucket.BucketName} ({bucket.Id}) is not what the spec describes: {string.Join("; ", differences)}; nothing was adopted"));
    }

    /// <summary>Whether another ObjectBucket has the first claim on the desired name, before anything is sent.</summary>
    public BucketLookup? Claimed(ReconcileContext context) =>
        claims.HolderOf(context.Bucket, context.Desired, null) is { } holder
            ? Conflict($"bucket name {context.Desired.BucketName} in project {context.Project} is claimed by ObjectBucket {holder}")
            : null;

    private async Task<Bucket?> FindNamedAsync(ReconcileContext context, CancellationToken cancellationToken) =>
        (await inventory.ListAsync(context.Latitude, context.Resolved.Fingerprint, context.Project, cancellationToken)).FirstOrDefault(b => b.IsNamed(context.Desired.BucketName));

    private BucketLookup? Held(ReconcileContext context, Bucket bucket) =>
        claims.HolderOf(context.Bucket, context.Desired, bucket.Id) is { } holder
            ? Conflict($"bucket {bucket.BucketName} ({bucket.Id}) is held by ObjectBucket {holder}")
            : null;

    private static BucketLookup Conflict(string message) => BucketLookup.Refused(ReadyState.Failed(ReadyReasons.BucketNameConflict, message));

    private static List<string> Differences(DesiredBucket desired, Bucket bucket)
    {
        var differences = new List<string>();
        if ((bucket.ProjectId ?? bucket.ProjectSlug) is not null && desired.Project != bucket.ProjectId && desired.Project != bucket.ProjectSlug)
        {
            differences.Add($"it belongs to project {bucket.ProjectSlug ?? bucket.ProjectId}, the spec names {desired.Project}");
        }

        if (!string.Equals(bucket.Region, desired.Region, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"it is in region {bucket.Region}, the spec asks for {desired.Region}");
        }

        if (bucket.StorageClass != desired.StorageClass)
        {
            differences.Add($"its storage class is {bucket.StorageClass}, the spec asks for {desired.StorageClass}");
        }

        if (bucket.Locking != desired.ObjectLock)
        {
            differences.Add($"object lock is {(bucket.Locking ? "enabled" : "off")} on it, the spec asks for {(desired.ObjectLock ? "enabled" : "off")}");
        }
        else if (bucket.Locking && (bucket.RetentionMode != desired.ObjectLockMode || bucket.RetentionPeriodDays != desired.RetentionDays))
        {
            differences.Add($"its object lock is {bucket.RetentionMode} for {bucket.RetentionPeriodDays?.ToString(CultureInfo.InvariantCulture) ?? "no"} days, the spec asks for {desired.ObjectLockMode} for {desired.RetentionDays?.ToString(CultureInfo.InvariantCulture) ?? "no"} days");
        }

        return differences;
    }
}
