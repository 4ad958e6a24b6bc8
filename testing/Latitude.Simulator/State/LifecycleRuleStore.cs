namespace BucketOperator.Latitude.Simulator.State;

/// <summary>The lifecycle rules of every bucket, in creation order. Thread-safe; tests read and arrange it directly.</summary>
public sealed class LifecycleRuleStore
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedLifecycleRule> _rules = [];

    public IReadOnlyList<SimulatedLifecycleRule> Of(string bucketId)
    {
        lock (_gate)
        {
            return _rules.FindAll(r => r.BucketId == bucketId);
        }
    }

    public SimulatedLifecycleRule? Find(string bucketId, string ruleId)
    {
        lock (_gate)
        {
            return _rules.Find(r => r.BucketId == bucketId && r.Id == ruleId);
        }
    }

    /// <summary>Adds a rule, or replaces the one with its ID (an update keeps the rule's place).</summary>
    public void Put(SimulatedLifecycleRule rule)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r => r.Id == rule.Id);
            if (index < 0)
            {
                _rules.Add(rule);
            }
            else
            {
                _rules[index] = rule;
            }
        }
    }

    public bool Remove(string bucketId, string ruleId)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.BucketId == bucketId && r.Id == ruleId) > 0;
        }
    }

    /// <summary>A deleted bucket takes its rules with it.</summary>
    internal void RemoveAllOf(string bucketId)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => r.BucketId == bucketId);
        }
    }
}
