namespace BucketOperator.Kubernetes.Tests.Unit.LeaderElection;

/// <summary>
/// The work handed to a leader: records when it started, when its token was cancelled (in the cancelling
/// call itself, so at the exact clock time) and when it stopped. With <c>holdAfterCancel</c> it keeps
/// running after cancellation until <see cref="Finish"/>, as work that drains takes a while.
/// </summary>
internal sealed class RecordingWork(TimeProvider time, bool holdAfterCancel = false)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the work starts; fails after 30 s of real time so that a broken election fails the test instead of hanging it.</summary>
    public Task Started => _started.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public void Finish() => _finish.TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        StartedAt = time.GetUtcNow();
        _started.TrySetResult();
        await using (cancellationToken.Register(() =>
        {
            CancelledAt = time.GetUtcNow();
            _cancelled.TrySetResult();
        }))
        {
            await _cancelled.Task;
            if (holdAfterCancel)
            {
                await _finish.Task;
            }
        }

        StoppedAt = time.GetUtcNow();
    }
}
