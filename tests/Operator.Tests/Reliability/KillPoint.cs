using System.Globalization;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// Where in a batch the operator process is killed, drawn from a seeded <see cref="Random"/> so a failing run can
/// be replayed. Rounds take turns (so every run has each kind): right after the provider answered the n-th write
/// of the batch (the moments between a create and its record in Kubernetes); at a moment after the batch was
/// applied (anywhere: start-up, intent and Secret writes, S3 checks); and after the n-th write, then again during
/// the recovery from that.
/// </summary>
internal sealed record KillPoint(int? AfterWrite, TimeSpan AfterApply, TimeSpan? AgainAfterRestart)
{
    public static KillPoint Draw(Random random, int round, int writesInBatch)
    {
        // Every value is drawn every round, so one round's kind does not shift the next round's points.
        var write = random.Next(1, writesInBatch + 1);
        var afterApply = TimeSpan.FromMilliseconds(random.Next(0, 2000));
        var again = TimeSpan.FromMilliseconds(random.Next(0, 2500));
        return (round % 3) switch
        {
            0 => new KillPoint(write, afterApply, null),
            1 => new KillPoint(null, afterApply, null),
            _ => new KillPoint(write, afterApply, again),
        };
    }

    public int Kills => AgainAfterRestart is null ? 1 : 2;

    public override string ToString() =>
        (AfterWrite is { } n ? $"after write #{n}" : $"{AfterApply.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms after apply")
        + (AgainAfterRestart is { } again ? $", again {again.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms after the restart" : "");
}
