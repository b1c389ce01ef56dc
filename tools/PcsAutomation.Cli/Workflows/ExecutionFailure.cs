using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Workflows;

/// <summary>Why an execution did not succeed: its error and the cause's readable message; both null when it succeeded.</summary>
public sealed record ExecutionFailure(string? Error, string? Cause)
{
    // A Catch with ResultPath $.failure stores the States error object: {"Error": ..., "Cause": ...}.
    private const string CatchMember = "failure";
    private const string CatchErrorMember = "Error";
    private const string CatchCauseMember = "Cause";

    /// <summary>
    /// DescribeExecution's error and cause, else the caught failure the output holds (<c>failure</c>, wherever the state
    /// machine put it); the status itself when nothing names an error.
    /// </summary>
    public static ExecutionFailure From(ExecutionResult result, JsonObject? output)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded) return new(null, null);
        var caught = output is null ? null : WorkflowJson.Find(output, CatchMember) as JsonObject;
        var error = result.Error ?? WorkflowJson.Text(caught?[CatchErrorMember]);
        var cause = CauseText.Message(result.Cause ?? WorkflowJson.Text(caught?[CatchCauseMember]));
        return new(error ?? result.Status, cause);
    }
}
