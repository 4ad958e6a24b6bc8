namespace BucketOperator.Entities.Schema;

/// <summary>
/// One <c>additionalPrinterColumns</c> entry of <c>kubectl get</c>, in declaration order (NAME comes first
/// implicitly). <paramref name="type"/> is an OpenAPI type: string, integer, number, boolean or date.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;
}
