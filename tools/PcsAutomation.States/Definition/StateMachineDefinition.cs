using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

/// <summary>A validated state machine (or a Parallel branch, or a Map item processor).</summary>
public sealed record StateMachineDefinition(
    string StartAt,
    IReadOnlyDictionary<string, State> States,
    int? TimeoutSeconds,
    string? Comment)
{
    /// <summary>Parses and validates a definition; throws <see cref="DefinitionException"/> listing every problem.</summary>
    public static StateMachineDefinition Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonValues.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DefinitionException($"the definition is not valid JSON: {e.Message}");
        }

        var parser = new DefinitionParser();
        var definition = parser.ParseMachine(root, "(root)", topLevel: true);
        if (parser.Problems.Count > 0 || definition is null)
            throw new DefinitionException(parser.Problems);
        return definition;
    }

    public State StartState => States[StartAt];
}

/// <summary>The state types of the JSONPath States Language.</summary>
public enum StateType
{
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

/// <summary>
/// A path field that may be JSON <c>null</c>: <see cref="Path"/> null means "discard" for InputPath/OutputPath
/// (use <c>{}</c>) and "keep the input" for ResultPath.
/// </summary>
public sealed record NullablePath(JsonPath? Path)
{
    public static readonly NullablePath Root = new(JsonPath.Parse("$"));
}

public sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    double IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    double? MaxDelaySeconds,
    bool FullJitter);

public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, NullablePath ResultPath);
