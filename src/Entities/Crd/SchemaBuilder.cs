using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BucketOperator.Entities.Schema;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Entities.Crd;

/// <summary>
/// The OpenAPI v3 schema of a type, by reflection: properties in declaration order, camelCase names as the
/// JSON context writes them, C# <c>required</c> members as schema <c>required</c>, and the attributes of
/// <see cref="Schema"/>. Types it does not know fail loudly instead of producing an open schema.
/// </summary>
internal static class SchemaBuilder
{
    // Keys of one schema node in the order they are written: what a reader scans first comes first.
    private static readonly string[] KeyOrder =
    [
        "description", "type", "format", "enum", "default", "minimum", "minLength", "maxLength", "pattern",
        "required", "properties", "items", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    ];

    public static JsonObject ForKind(Type kind)
    {
        var schema = ForType(kind);
        Describe(schema, kind);
        return Ordered(schema);
    }

    private static JsonObject ForProperty(PropertyInfo property)
    {
        var schema = ForType(property.PropertyType);
        Describe(schema, property);
        AddRules(schema, property);
        if (property.GetCustomAttribute<EnumValuesAttribute>() is { } values)
        {
            schema["enum"] = new JsonArray([.. values.Values.Select(v => JsonValue.Create(v))]);
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema["default"] = Scalar(defaultValue.Value, property);
        }

        if (property.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema["minimum"] = minimum.Value;
        }

        if (property.GetCustomAttribute<LengthAttribute>() is { } length)
        {
            schema["minLength"] = length.Min;
            schema["maxLength"] = length.Max;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (property.GetCustomAttribute<ListMapKeysAttribute>() is { } keys)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = new JsonArray([.. keys.Keys.Select(k => JsonValue.Create(k))]);
        }

        return Ordered(schema);
    }

    private static JsonObject ForType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (type == typeof(Condition))
        {
            return ConditionSchema.Create();
        }

        if (type == typeof(V1ObjectMeta))
        {
            // The API server owns the schema of metadata; a CRD may only say it is an object.
            return new JsonObject { ["type"] = "object" };
        }

        if (ListElement(type) is { } element)
        {
            return new JsonObject { ["type"] = "array", ["items"] = ForType(element) };
        }

        if (type.IsClass && type.Namespace?.StartsWith("BucketOperator.Entities", StringComparison.Ordinal) == true)
        {
            return ForObject(type);
        }

        throw new NotSupportedException($"No schema mapping for {type}: add one to {nameof(SchemaBuilder)}.");
    }

    private static JsonObject ForObject(Type type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => !p.IsDefined(typeof(JsonIgnoreAttribute)))
                     .OrderBy(p => p.MetadataToken))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            properties[name] = ForProperty(property);
            if (property.IsDefined(typeof(RequiredMemberAttribute)))
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        AddRules(schema, type);
        return schema;
    }

    private static void Describe(JsonObject schema, MemberInfo member)
    {
        if (member.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema["description"] = description.Text;
        }
    }

    /// <summary>Appends the member's CEL rules: a property's come after those of its type.</summary>
    private static void AddRules(JsonObject schema, MemberInfo member)
    {
        var rules = member.GetCustomAttributes<CelRuleAttribute>().Select(r => new JsonObject { ["rule"] = r.Rule, ["message"] = r.Message }).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        if (schema["x-kubernetes-validations"] is not JsonArray validations)
        {
            schema["x-kubernetes-validations"] = validations = [];
        }

        foreach (var rule in rules)
        {
            validations.Add(rule);
        }
    }

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
        (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IReadOnlyList<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static JsonValue Scalar(object value, PropertyInfo property) => value switch
    {
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        _ => throw new NotSupportedException($"Default of {property.DeclaringType}.{property.Name} must be a string, bool or integer."),
    };

    private static JsonObject Ordered(JsonObject schema)
    {
        var keys = schema.Select(p => p.Key)
            .OrderBy(k => Array.IndexOf(KeyOrder, k) is var index and >= 0 ? index : KeyOrder.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        var ordered = new JsonObject();
        foreach (var key in keys)
        {
            var value = schema[key];
            schema.Remove(key);
            ordered[key] = value;
        }

        return ordered;
    }
}
