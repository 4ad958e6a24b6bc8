namespace BucketOperator.Operator.Reconciliation;

/// <summary>Kubernetes models expose labels, annotations and data as <see cref="IDictionary{TKey, TValue}"/>, which has no GetValueOrDefault.</summary>
internal static class DictionaryExtensions
{
    public static TValue? ValueOrDefault<TValue>(this IDictionary<string, TValue> dictionary, string key) =>
        dictionary.TryGetValue(key, out var value) ? value : default;
}
