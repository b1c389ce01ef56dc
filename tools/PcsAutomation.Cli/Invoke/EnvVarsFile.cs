using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// <c>--env-vars</c>, in <c>sam local invoke</c>'s format
/// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-using-invoke.html,
/// "Environment variable file"): <c>{"Parameters": {...}}</c> for every function, <c>{"&lt;LogicalId&gt;": {...}}</c> for one;
/// the function's own entries win.
/// </summary>
public static class EnvVarsFile
{
    public const string Everyone = "Parameters";

    /// <summary>The variables for <paramref name="logicalId"/>; a malformed file is a usage error naming it and the member.</summary>
    public static IReadOnlyDictionary<string, string> For(string json, string label, string logicalId)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CliException($"{label}: not JSON ({e.Message}).");
        }
        if (root is not JsonObject sections) throw new CliException($"{label}: expected an object of {{\"Parameters\"|\"<LogicalId>\": {{\"NAME\": \"value\"}}}}.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in new[] { Everyone, logicalId })
        {
            switch (sections[section])
            {
                case null:
                    continue;
                case JsonObject variables:
                    foreach (var (name, value) in variables)
                        values[name] = value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                            ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
                            : throw new CliException($"{label}: {section}.{name} must be a string.");
                    break;
                default:
                    throw new CliException($"{label}: {section} must be an object of variables.");
            }
        }
        return values;
    }
}
