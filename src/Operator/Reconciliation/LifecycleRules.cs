using BucketOperator.Entities;
using BucketOperator.Kubernetes.Events;
using BucketOperator.Latitude.Errors;
using BucketOperator.Latitude.Models;
using BucketOperator.Operator.Status;

namespace BucketOperator.Operator.Reconciliation;

/// <summary>
/// The reconcile step that keeps the bucket's Latitude lifecycle rules equal to <c>spec.lifecycleRules</c> (SPEC
/// "Lifecycle rules"): one list, the writes <see cref="LifecycleRulePlan"/> asks for, and a second list only when
/// something was written, compared before <c>Ready=True</c>. Latitude's IDs go to <c>status.lifecycleRules</c>. A
/// rule Latitude refuses (422) is <c>LifecycleRuleRejected</c>; other failures throw, for the provider-error path.
/// </summary>
internal sealed class LifecycleRules(StatusUpdater status, IEventRecorder events, ProjectInventory<Bucket> inventory)
{
    /// <returns>Null when the bucket holds exactly the spec's rules; else the Ready state to report.</returns>
    public async Task<ReadyState?> ApplyAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var wanted = LifecycleRulePlan.Wanted(context.Bucket.Spec.LifecycleRules);
        if (wanted.Count == 0 && context.Bucket.Status?.LifecycleRules is not { Count: > 0 })
        {
            // Nothing asked for and nothing of ours to remove: not even a read (drift checks of buckets without
            // rules cost one bucket list per token and project, whatever their number).
            return null;
        }

        var bucketId = context.Bucket.Status!.BucketId!;
        if (await context.Latitude.ListLifecycleRulesAsync(bucketId, cancellationToken) is not { } existing)
        {
            return Gone(context);
        }

        var plan = LifecycleRulePlan.From(wanted, existing);
        if (plan.IsEmpty)
        {
            await RecordAsync(context, wanted, existing, cancellationToken);
            return null;
        }

        var rejections = await WriteAsync(context, plan, wanted, [.. existing], cancellationToken);
        if (rejections.Count > 0)
        {
            return ReadyState.Failed(ReadyReasons.LifecycleRuleRejected, string.Join("; ", rejections));
        }

        if (await context.Latitude.ListLifecycleRulesAsync(bucketId, cancellationToken) is not { } readBack)
        {
            return Gone(context);
        }

        await RecordAsync(context, wanted, readBack, cancellationToken);
        return LifecycleRulePlan.Holds(wanted, readBack)
            ? null
            : ReadyState.Progressing(ReadyReasons.ProviderError, $"the lifecycle rules read back from bucket {context.Bucket.Status!.BucketName} differ from spec.lifecycleRules; applying them again");
    }

    /// <summary>
    /// Deletes first, then updates, then creates: while the rules are in flux a bucket with a rule too few only keeps
    /// objects longer, where one with a stale extra rule could delete them early. Progress is recorded even when a write
    /// fails, so a rule made here is known (and removed) should the spec then drop every rule.
    /// </summary>
    /// <returns>The rules Latitude refused, as sentences naming each; the other rules are written regardless.</returns>
    private async Task<List<string>> WriteAsync(ReconcileContext context, LifecycleRulePlan plan, IReadOnlyList<LifecycleRuleRequest> wanted, List<LifecycleRule> current, CancellationToken cancellationToken)
    {
        var bucketId = context.Bucket.Status!.BucketId!;
        var done = new List<string>();
        var rejections = new List<string>();
        try
        {
            foreach (var rule in plan.Deletes)
            {
                await context.Latitude.DeleteLifecycleRuleAsync(bucketId, rule.Id, cancellationToken);
                current.RemoveAll(r => r.Id == rule.Id);
                done.Add($"deleted {Name(rule.Name)}");
            }

            foreach (var (id, rule) in plan.Updates)
            {
                await RefusedAsync(rule, "updated", async () => Replace(current, await context.Latitude.UpdateLifecycleRuleAsync(bucketId, id, rule, cancellationToken)), done, rejections);
            }

            foreach (var rule in plan.Creates)
            {
                await RefusedAsync(rule, "created", async () => current.Add(await context.Latitude.CreateLifecycleRuleAsync(bucketId, rule, cancellationToken)), done, rejections);
            }
        }
        finally
        {
            await RecordAsync(context, wanted, current, cancellationToken);
            if (done.Count > 0)
            {
                await events.RecordAsync(context.Bucket, EventType.Normal, EventReasons.LifecycleRulesApplied, $"Lifecycle rules of bucket {context.Bucket.Status!.BucketName}: {string.Join(", ", done)}", cancellationToken);
            }
        }

        return rejections;
    }

    /// <summary>Runs one write; a 422 becomes a sentence with the API's detail and the rule's name instead of ending the step.</summary>
    private static async Task RefusedAsync(LifecycleRuleRequest rule, string verb, Func<Task> write, List<string> done, List<string> rejections)
    {
        try
        {
            await write();
            done.Add($"{verb} {Name(rule.Name)}");
        }
        catch (LatitudeApiException e) when (e.Kind == LatitudeErrorKind.Validation)
        {
            rejections.Add($"Latitude refused lifecycle rule {Name(rule.Name)}: {e.Error.Text}");
        }
    }

    /// <summary>Writes <c>status.lifecycleRules</c> (spec order first) when it changed; keeps the Ready state shown for this generation.</summary>
    private async Task RecordAsync(ReconcileContext context, IReadOnlyList<LifecycleRuleRequest> wanted, IReadOnlyList<LifecycleRule> rules, CancellationToken cancellationToken)
    {
        var order = wanted.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        // The status list is keyed by name: of rules sharing one (made outside Kubernetes, not yet deleted) one is shown.
        List<LifecycleRuleStatus> recorded = [.. rules.DistinctBy(r => r.Name).OrderBy(r => order.GetValueOrDefault(r.Name, int.MaxValue)).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new LifecycleRuleStatus { Name = r.Name, Id = r.Id })];
        if (recorded.SequenceEqual(context.Bucket.Status?.LifecycleRules ?? []))
        {
            return;
        }

        var progress = ReadyState.Progressing(ReadyReasons.Provisioning, $"lifecycle rules of bucket {context.Bucket.Status!.BucketName} written");
        context.Bucket = await status.WriteAsync(context.Bucket, ReadyState.CurrentOr(context.Bucket, progress), s => s with { LifecycleRules = recorded.Count > 0 ? recorded : null }, cancellationToken);
    }

    /// <summary>The bucket vanished since the drift check: the project's list is read again, so the next pass sees it missing.</summary>
    private ReadyState Gone(ReconcileContext context)
    {
        var recorded = context.Bucket.Status!;
        inventory.Invalidate(context.Resolved.Fingerprint, recorded.Project ?? context.Project);
        return ReadyState.Progressing(ReadyReasons.ProviderError, $"bucket {recorded.BucketName} ({recorded.BucketId}) was not found while reading its lifecycle rules; looking again");
    }

    private static void Replace(List<LifecycleRule> current, LifecycleRule updated)
    {
        current.RemoveAll(r => r.Id == updated.Id);
        current.Add(updated);
    }

    private static string Name(string name) => $"'{SpecValidator.Quote(name)}'";
}
