namespace BucketOperator.Operator.Configuration;

/// <summary>One row of SPEC's settings table: how it is named on the command line and in the environment, and how a value applies.</summary>
/// <param name="Flag">Null for settings that only come from the environment (the token).</param>
/// <param name="Apply">Returns the options with the value applied, or throws <see cref="FormatException"/> saying what is wrong with it.</param>
internal sealed record Setting(string? Flag, string Environment, string Default, string Meaning, Func<OperatorOptions, string, OperatorOptions> Apply)
{
    public bool IsSwitch { get; init; }

    public string Names => Flag is null ? Environment : $"{Flag} / {Environment}";
}
