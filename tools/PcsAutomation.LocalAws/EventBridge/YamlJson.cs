using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// Reads a CloudFormation/SAM YAML document as JSON, turning the short-form intrinsic tags into their long form
/// (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>, <c>!Sub</c> → <c>{"Fn::Sub": ...}</c>).
/// </summary>
public static class YamlJson
{
    /// <summary>Parses the first document of <paramref name="yaml"/>.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"Invalid YAML: {e.Message}", e);
        }
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? value = node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };
        return node.Tag.IsEmpty || node.Tag.IsNonSpecific ? value : Intrinsic(node.Tag.Value, value);
    }

    private static JsonObject Intrinsic(string tag, JsonNode? value)
    {
        var name = tag.TrimStart('!');
        if (name == "GetAtt" && value is JsonValue v && v.TryGetValue<string>(out var dotted))
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            value = dot < 0 ? new JsonArray(dotted) : new JsonArray(dotted[..dot], dotted[(dot + 1)..]);
        }
        var key = name is "Ref" or "Condition" ? name : "Fn::" + name;
        return new JsonObject { [key] = value };
    }

    // Plain scalars follow the YAML core schema (null, booleans, numbers); quoted ones are always strings.
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
            return JsonValue.Create(text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && char.IsDigit(text[^1]) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
