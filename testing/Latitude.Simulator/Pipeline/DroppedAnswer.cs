using Microsoft.AspNetCore.Http;

namespace BucketOperator.Latitude.Simulator.Pipeline;

/// <summary>
/// A connection the simulator drops before answering. Kestrel signals <see cref="HttpContext.RequestAborted"/>
/// on the thread pool, so right after the drop the token may not say so yet: the mark lets the request log
/// record no answer (status 0) instead of the status the handler had set.
/// </summary>
internal static class DroppedAnswer
{
    private const string Key = nameof(DroppedAnswer);

    public static void Drop(HttpContext context)
    {
        context.Items[Key] = true;
        context.Abort();
    }

    /// <summary>Dropped by the simulator, or by the caller who gave up.</summary>
    public static bool IsUnanswered(HttpContext context) => context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(Key);
}
