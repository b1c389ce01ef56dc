using System.Globalization;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Functions.Workflows;

/// <summary>Checks of the fields every workflow's step inputs share; a failure is <see cref="InvalidWorkflowInput"/> starting with the field's name.</summary>
internal static class WorkflowInput
{
    public static string ClusterId(string? value) => Required(value, "clusterId");

    /// <summary>The <c>$$.Execution.Id</c> the ASL passes: the lease owner and the seed of every client token.</summary>
    public static string ExecutionArn(string? value)
    {
        var arn = Required(value, "executionArn");
        return arn.StartsWith("arn:", StringComparison.Ordinal)
            ? arn
            : throw new InvalidWorkflowInput($"executionArn must be the execution's ARN ($$.Execution.Id), got a value of {arn.Length} characters not starting with 'arn:'.");
    }

    /// <summary>The workflow taking the lease, by its <see cref="WorkflowKind.Name"/>.</summary>
    public static WorkflowKind Workflow(string? value)
    {
        var name = Required(value, "workflow");
        return WorkflowKind.Find(name)
            ?? throw new InvalidWorkflowInput($"workflow '{Clip(name)}' is not one of: {string.Join(", ", WorkflowKind.All.Select(w => w.Name))}.");
    }

    public static int Attempt(int? value) => value switch
    {
        null => 0,
        < 0 => throw new InvalidWorkflowInput(string.Create(CultureInfo.InvariantCulture, $"attempt must be 0 or more, got {value}.")),
        _ => value.Value,
    };

    /// <summary>The trimmed value; missing or blank is <see cref="InvalidWorkflowInput"/> naming <paramref name="field"/>.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidWorkflowInput($"{field} is required.") : value.Trim();

    /// <summary>At most 40 characters of an input value, for messages (an input is never a secret, but may be long).</summary>
    public static string Clip(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";
}
