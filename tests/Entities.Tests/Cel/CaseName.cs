using Xunit.Abstractions;

namespace BucketOperator.Entities.Tests.Cel;

/// <summary>
/// A case's name as theory data: xunit 2 cuts string arguments to 50 characters in test names, which would make
/// cases that differ late (most do) look alike; an object's own ToString is shown whole.
/// </summary>
public sealed class CaseName : IXunitSerializable
{
    public CaseName()
    {
    }

    public CaseName(string value) => Value = value;

    public string Value { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info) => Value = info.GetValue<string>(nameof(Value));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Value), Value);

    public override string ToString() => Value;
}
