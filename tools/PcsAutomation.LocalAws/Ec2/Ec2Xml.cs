using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// Writes EC2 query-protocol answers. The service builds results as JSON whose member names are the XML element
/// names of the EC2 model (<c>imagesSet</c>, <c>instanceState</c>...); arrays become <c>&lt;item&gt;</c> lists.
/// </summary>
public static class Ec2Xml
{
    public static readonly XNamespace Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    public static string Response(string action, JsonObject result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new XElement(Namespace + (action + "Response"), new XElement(Namespace + "requestId", requestId));
        foreach (var (name, value) in result) root.Add(Element(name, value));
        return Declaration + root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>EC2's error document (no namespace), which the SDKs read into their typed exceptions.</summary>
    public static string Error(string code, string message, string requestId) =>
        Declaration + new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", Clean(code)), new XElement("Message", Clean(message)))),
            new XElement("RequestID", requestId)).ToString(SaveOptions.DisableFormatting);

    private static XElement? Element(string name, JsonNode? node) =>
        node switch
        {
            null => null,
            JsonObject o => new XElement(Namespace + name, o.Select(p => Element(p.Key, p.Value))),
            JsonArray a => new XElement(Namespace + name, a.Select(i => Element("item", i))),
            _ => new XElement(Namespace + name, Text(node.AsValue())),
        };

    private static string Text(JsonValue value) =>
        value.GetValueKind() switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => Clean(value.GetValue<string>()),
            _ => value.ToJsonString(), // a number built in code (not parsed) has no JsonElement behind it
        };

    /// <summary>Drops characters XML cannot carry, so user-supplied text never breaks the document.</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
