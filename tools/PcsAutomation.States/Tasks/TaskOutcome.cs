using System.Text.Json.Nodes;

namespace PcsAutomation.States.Tasks;

/// <summary>What a task returned: a JSON result, or a named error with its cause (outcomes are data, not exceptions).</summary>
public sealed record TaskOutcome
{
    private TaskOutcome(bool succeeded, JsonNode? output, string? error, string? cause)
    {
        Succeeded = succeeded;
        Output = output;
        Error = error;
        Cause = cause;
    }

    public bool Succeeded { get; }

    public JsonNode? Output { get; }

    public string? Error { get; }

    public string? Cause { get; }

    public static TaskOutcome Success(JsonNode? output) => new(true, output, null, null);

    public static TaskOutcome Failed(string error, string? cause) => new(false, null, error, cause);
}
