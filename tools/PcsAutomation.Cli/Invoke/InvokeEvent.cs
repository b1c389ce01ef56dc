using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Invoke;

/// <summary>Reads <c>--event</c>: a file, or standard input for <c>-</c> (as <c>sam local invoke --event -</c>). Errors name the file and the problem.</summary>
public static class InvokeEvent
{
    public const string StandardInput = "-";

    public static async Task<JsonNode> ReadAsync(string path, TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(input);
        string text;
        if (path == StandardInput)
        {
            text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (!File.Exists(path)) throw new CliException($"No event file '{path}'; nothing invoked.");
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        return Parse(text, Label(path));
    }

    /// <summary>The event's name in messages: the file name, or "standard input".</summary>
    public static string Label(string path) => path == StandardInput ? "standard input" : Path.GetFileName(path);

    public static JsonNode Parse(string text, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return JsonNode.Parse(text) ?? throw new CliException($"{label}: the event is JSON null; nothing invoked.");
        }
        catch (JsonException e)
        {
            throw new CliException($"{label}: not JSON ({e.Message}); nothing invoked.");
        }
    }
}
