namespace BucketOperator.Kubernetes.Events;

/// <summary>core/v1 Event types: progress is Normal, anything a human may need to act on is Warning.</summary>
public enum EventType
{
    Normal,
    Warning,
}
