namespace BucketOperator.Operator.Configuration;

/// <summary>What <see cref="OperatorSettings.Parse"/> found: options, or errors, or help text to print.</summary>
public sealed record SettingsResult(OperatorOptions? Options, IReadOnlyList<string> Errors, string? Help);
