using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Helpers;

/// <summary>
/// Reads and updates <c>status.conditions</c> by the Kubernetes conventions: one condition per type, and a
/// lastTransitionTime that moves only when the status does.
/// </summary>
public static class Conditions
{
    /// <summary>The condition of <paramref name="type"/>, or null when there is none (or no list).</summary>
    public static Condition? Find(IEnumerable<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>
    /// Puts <paramref name="condition"/> in place of the one of the same type, or appends it. When the status is
    /// unchanged the old lastTransitionTime is kept, so callers may stamp every condition with the current time.
    /// </summary>
    /// <returns>False when the list already said exactly this (status, reason, message, observedGeneration): nothing to write.</returns>
    public static bool Set(IList<Condition> conditions, Condition condition)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var existing = conditions[i];
            if (existing.Type != condition.Type)
            {
                continue;
            }

            var updated = existing.Status == condition.Status ? condition with { LastTransitionTime = existing.LastTransitionTime } : condition;
            if (updated == existing)
            {
                return false;
            }

            conditions[i] = updated;
            return true;
        }

        conditions.Add(condition);
        return true;
    }
}
