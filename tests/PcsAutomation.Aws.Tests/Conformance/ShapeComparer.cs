using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>
/// Walks one of our types (through its source-generated <see cref="JsonTypeInfo"/>) beside a model shape and lists every
/// difference: names, required flags, member types, missing members, enum values, recursively.
/// </summary>
public sealed class ShapeComparer(BotocoreModel model, JsonSerializerContext context)
{
    private readonly HashSet<Type> visited = [];

    public List<string> Problems { get; } = [];

    public void CompareStructure(Type type, string shapeName, string path)
    {
        if (!visited.Add(type))
            return;
        var shape = model.Shape(shapeName);
        if ((string)shape["type"]! != "structure")
        {
            Problems.Add($"{path}: model shape {shapeName} is {shape["type"]}, not a structure");
            return;
        }
        var members = BotocoreModel.Members(shape);
        var required = BotocoreModel.Required(shape);
        var properties = context.GetTypeInfo(type)!.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

        foreach (var (name, property) in properties)
        {
            if (!members.TryGetValue(name, out var memberShape))
            {
                Problems.Add($"{path}.{name}: not a member of {shapeName}");
                continue;
            }
            if (property.IsRequired != required.Contains(name))
                Problems.Add($"{path}.{name}: IsRequired={property.IsRequired}, model required={required.Contains(name)}");
            CompareType(property.PropertyType, memberShape, $"{path}.{name}");
        }
        foreach (var name in members.Keys.Where(m => !properties.ContainsKey(m)))
            Problems.Add($"{path}.{name}: modelled member of {shapeName} missing");
    }

    private void CompareType(Type type, string shapeName, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var shape = model.Shape(shapeName);
        var kind = (string)shape["type"]!;
        switch (kind)
        {
            case "string" when shape["enum"] is JsonArray values:
                CompareEnum(type, shapeName, values, path);
                break;
            case "list":
                if (ElementType(type, typeof(List<>)) is { } element)
                    CompareType(element[0], (string)shape["member"]!["shape"]!, path + "[]");
                else
                    Problems.Add($"{path}: {type.Name} is not a List<> for list {shapeName}");
                break;
            case "map":
                if (ElementType(type, typeof(Dictionary<,>)) is { } pair)
                {
                    CompareType(pair[0], (string)shape["key"]!["shape"]!, path + "{key}");
                    CompareType(pair[1], (string)shape["value"]!["shape"]!, path + "{value}");
                }
                else
                {
                    Problems.Add($"{path}: {type.Name} is not a Dictionary<,> for map {shapeName}");
                }
                break;
            case "structure":
                if (type.Name != shapeName)
                    Problems.Add($"{path}: type {type.Name} is named differently from shape {shapeName}");
                CompareStructure(type, shapeName, path);
                break;
            default:
                var expected = Primitive(kind);
                if (expected is null || !expected.Contains(type))
                    Problems.Add($"{path}: {type.Name} is not compatible with {kind} shape {shapeName}");
                break;
        }
    }

    private void CompareEnum(Type type, string shapeName, JsonArray values, string path)
    {
        if (!type.IsSubclassOf(typeof(ConstantClass)) || type.Name != shapeName)
        {
            Problems.Add($"{path}: {type.Name} is not the constant class {shapeName}");
            return;
        }
        var known = KnownValues(type);
        var modelled = values.Select(v => (string)v!).ToList();
        if (!known.SequenceEqual(modelled))
            Problems.Add($"{path}: {type.Name} knows [{string.Join(", ", known)}], model has [{string.Join(", ", modelled)}]");
    }

    public static IReadOnlyList<string> KnownValues(Type constantClass) =>
        ((System.Collections.IEnumerable)constantClass.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Cast<ConstantClass>().Select(c => c.Value).ToList();

    private static Type[]? ElementType(Type type, Type genericDefinition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == genericDefinition ? type.GetGenericArguments() : null;

    private static Type[]? Primitive(string kind) => kind switch
    {
        "string" => [typeof(string)],
        "integer" => [typeof(int)],
        "long" => [typeof(long)],
        "boolean" => [typeof(bool)],
        "float" => [typeof(float), typeof(double)],
        "double" => [typeof(double)],
        "timestamp" => [typeof(DateTimeOffset)],
        "blob" => [typeof(MemoryStream), typeof(byte[])],
        _ => null,
    };
}
