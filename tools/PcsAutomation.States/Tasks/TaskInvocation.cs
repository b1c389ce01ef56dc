using System.Text.Json.Nodes;

namespace PcsAutomation.States.Tasks;

/// <summary>How a Task waits for its resource (the suffix of the Resource ARN).</summary>
public enum IntegrationPattern
{
    /// <summary>No suffix: the call's response is the result.</summary>
    RequestResponse,

    /// <summary><c>.sync</c> / <c>.sync:2</c>: the host waits for the job and returns its result.</summary>
    Sync,

    /// <summary><c>.waitForTaskToken</c>: the call's response is ignored; SendTaskSuccess/Failure completes the state.</summary>
    WaitForTaskToken,
}

/// <summary>One call of a Task state's resource.</summary>
/// <param name="Resource">The Resource ARN as written, e.g. <c>arn:aws:states:::lambda:invoke.waitForTaskToken</c>.</param>
/// <param name="BaseResource">The ARN without its integration suffix, e.g. <c>arn:aws:states:::lambda:invoke</c>.</param>
/// <param name="Pattern">The integration pattern named by the suffix.</param>
/// <param name="Parameters">The effective parameters (the state input after InputPath and Parameters).</param>
/// <param name="TaskToken">The token for <c>.waitForTaskToken</c>, also readable as <c>$$.Task.Token</c>.</param>
public sealed record TaskInvocation(
    string Resource,
    string BaseResource,
    IntegrationPattern Pattern,
    JsonNode? Parameters,
    string StateName,
    string ExecutionArn,
    string ExecutionName,
    string StateMachineArn,
    string? TaskToken,
    int RetryCount,
    int? TimeoutSeconds,
    int? HeartbeatSeconds);
