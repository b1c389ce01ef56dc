using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PcsAutomation.Template.Tests.Yaml;

/// <summary>
/// Reads a CloudFormation/SAM YAML template into the JSON CloudFormation itself works on: short-form
/// intrinsic tags (<c>!Ref X</c>, <c>!GetAtt A.B</c>, <c>!Sub ...</c>) become their long form
/// (<c>{"Ref":"X"}</c>, <c>{"Fn::GetAtt":["A","B"]}</c>, <c>{"Fn::Sub":...}</c>), so a JSON schema and
/// plain JSON code can read the template.
/// </summary>
/// <remarks>
/// Plain (unquoted, untagged) scalars are typed with the YAML 1.2 core schema (null, booleans, integers,
/// floats); anything quoted stays a string. An unknown tag or a duplicate key fails with its position,
/// as CloudFormation rejects both.
/// </remarks>
public static partial class CloudFormationYaml
{
    /// <summary>Short-form tag → long-form key, for the tags whose long form is not simply <c>Fn::Name</c>.</summary>
    private static readonly Dictionary<string, string> SpecialKeys = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
    };

    /// <summary>The <c>Fn::</c> functions CloudFormation accepts in short form.</summary>
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue",
        "Join", "Not", "Or", "Select", "Split", "Sub", "Transform",
    };

    /// <summary>Reads the YAML file at <paramref name="path"/>.</summary>
    public static JsonNode? Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads one YAML document; an empty document is <see langword="null"/>.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            try
            {
                stream.Load(reader);
            }
            catch (YamlException error)
            {
                // YamlDotNet already rejects duplicate keys and bad syntax: keep one exception type for callers
                throw new FormatException($"YAML line {error.Start.Line}, column {error.Start.Column}: {error.Message}", error);
            }
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw new FormatException("A template is one YAML document; found " + stream.Documents.Count),
        };
    }

    private static JsonNode? Convert(YamlNode node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!'))
            return Intrinsic(node);
        return node switch
        {
            YamlScalarNode scalar => Scalar(scalar),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlMappingNode mapping => Mapping(mapping),
            _ => throw Error(node, "unsupported YAML node " + node.NodeType),
        };
    }

    private static JsonObject Intrinsic(YamlNode node)
    {
        var tag = node.Tag.Value;
        var name = tag[1..];
        if (!SpecialKeys.TryGetValue(tag, out var key))
        {
            if (!Functions.Contains(name))
                throw Error(node, $"unknown tag {tag}");
            key = "Fn::" + name;
        }

        // `!GetAtt Resource.Attribute` is the only scalar form whose long form is a list; CloudFormation
        // splits at the first dot, so `!GetAtt Stack.Outputs.Name` is ["Stack", "Outputs.Name"].
        if (name == "GetAtt" && node is YamlScalarNode { Value: { } dotted })
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == dotted.Length - 1)
                throw Error(node, $"!GetAtt needs Resource.Attribute, got '{dotted}'");
            return new JsonObject { [key] = new JsonArray(dotted[..dot], dotted[(dot + 1)..]) };
        }

        JsonNode? content = node switch
        {
            YamlScalarNode scalar => scalar.Value ?? string.Empty,   // `!GetAZs ''`, `!Ref X`: always a string
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlMappingNode mapping => Mapping(mapping),
            _ => throw Error(node, "unsupported YAML node " + node.NodeType),
        };
        return new JsonObject { [key] = content };
    }

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw Error(keyNode, "mapping keys must be plain strings");
            result[key] = Convert(valueNode);
        }
        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
            return StandardTag(scalar, text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ when FloatPattern().IsMatch(text) => double.Parse(text, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    /// <summary>Quoted scalars are strings; <c>!!str</c>, <c>!!int</c>... force a type, as YAML says.</summary>
    private static JsonNode? StandardTag(YamlScalarNode scalar, string text) => scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific
        ? text
        : scalar.Tag.Value switch
        {
            "tag:yaml.org,2002:str" => text,
            "tag:yaml.org,2002:int" => long.Parse(text, CultureInfo.InvariantCulture),
            "tag:yaml.org,2002:float" => double.Parse(text, CultureInfo.InvariantCulture),
            "tag:yaml.org,2002:bool" => bool.Parse(text),
            "tag:yaml.org,2002:null" => null,
            var other => throw Error(scalar, $"unsupported tag {other}"),
        };

    private static FormatException Error(YamlNode node, string message) =>
        new($"YAML line {node.Start.Line}, column {node.Start.Column}: {message}");

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
