using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines;

/// <summary>Reading and writing the JSON files, the same bytes every time so a committed definition can be compared as text.</summary>
public static class JsonText
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        // a key written twice (two states with one name) would otherwise keep only the last: refuse it instead
        AllowDuplicateProperties = false,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // definitions hold States.Format messages with ', <, >: the default encoder would write them as \u0027...;
        // the files are read by Step Functions and people, never embedded in HTML
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses <paramref name="text"/>; a syntax error or a duplicate key names <paramref name="origin"/> and the place.</summary>
    public static JsonNode Parse(string text, string origin)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: ReadOptions)
                ?? throw new FragmentException($"{origin}: the file holds JSON null, not an object");
        }
        catch (JsonException e)
        {
            throw new FragmentException($"{origin}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Two-space indented JSON with <c>\n</c> line ends and a final newline.</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriteOptions))
            node.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
