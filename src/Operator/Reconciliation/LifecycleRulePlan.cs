using BucketOperator.Entities;
using BucketOperator.Latitude.Models;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// What makes a bucket's Latitude lifecycle rules equal the spec's (SPEC "Lifecycle rules"), matched by name: a
/// wanted rule not there is created, one that differs is updated, every other rule deleted, including a second rule
/// of a wanted name (Latitude does not keep names unique; rules made outside Kubernetes may repeat one).
/// </summary>
internal sealed record LifecycleRulePlan(
    IReadOnlyList<LifecycleRuleRequest> Creates,
    IReadOnlyList<(string Id, LifecycleRuleRequest Rule)> Updates,
    IReadOnlyList<LifecycleRule> Deletes)
{
    public bool IsEmpty => Creates.Count == 0 && Updates.Count == 0 && Deletes.Count == 0;

    public static LifecycleRulePlan From(IReadOnlyList<LifecycleRuleRequest> wanted, IReadOnlyList<LifecycleRule> existing)
    {
        var creates = new List<LifecycleRuleRequest>();
        var updates = new List<(string, LifecycleRuleRequest)>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in wanted)
        {
            var named = existing.Where(r => r.Name == rule.Name).ToList();
            // Of several rules with the name, one that already matches is kept, so no write is needed for it.
            var keep = named.Find(r => r.Matches(rule)) ?? named.FirstOrDefault();
            if (keep is null)
            {
                creates.Add(rule);
                continue;
            }

            kept.Add(keep.Id);
            if (!keep.Matches(rule))
            {
                updates.Add((keep.Id, rule));
            }
        }

        return new LifecycleRulePlan(creates, updates, [.. existing.Where(r => !kept.Contains(r.Id))]);
    }

    /// <summary>What a rule of the spec asks Latitude for; an empty prefix is the whole bucket, as no prefix.</summary>
    public static IReadOnlyList<LifecycleRuleRequest> Wanted(IEnumerable<LifecycleRuleSpec>? rules) =>
    [
        .. (rules ?? []).Select(r => new LifecycleRuleRequest
        {
            Name = r.Name,
            Enabled = r.Enabled,
            Prefix = string.IsNullOrEmpty(r.Prefix) ? null : r.Prefix,
            ExpirationDays = r.ExpirationDays,
            NoncurrentDays = r.NoncurrentDays,
            AbortIncompleteMultipartUploadDays = r.AbortIncompleteMultipartUploadDays,
        }),
    ];

    /// <summary>Whether <paramref name="existing"/> already is exactly <paramref name="wanted"/>: what the read-back checks.</summary>
    public static bool Holds(IReadOnlyList<LifecycleRuleRequest> wanted, IReadOnlyList<LifecycleRule> existing) =>
        existing.Count == wanted.Count && wanted.All(w => existing.Count(r => r.Name == w.Name && r.Matches(w)) == 1);
}
