namespace BucketOperator.Kubernetes.Tests.Unit.Queue;

/// <summary>Jitter that is always the same, so backoff delays are exact.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
