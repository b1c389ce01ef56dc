using System.Text.Json;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>The roll-out state machine's input as a trigger writes it (nulls left out): <c>{"clusterId", "target", "nodeGroups"?, "dryRun"}</c>.</summary>
internal sealed record NodeGroupUpdateExecutionInput(string ClusterId, UpdateTargetText Target, IReadOnlyList<string>? NodeGroups, bool DryRun);

/// <summary>The notice state machine's input for a roll-out notice (<c>ImageAvailable</c>, <c>Finding</c>).</summary>
internal sealed record NodeGroupUpdateNoticeInput(string Workflow, string Event, string ClusterId, string ClusterName, NodeGroupUpdateNotificationFacts Facts);

/// <summary>
/// What the AMI triggers start, each under a deterministic name (<see cref="ExecutionNames"/>), so a second start is a
/// no-op: the roll-out (<c>NodeGroupUpdateStateMachine</c>) and the notices (the notice state machine every workflow
/// shares). Both ARNs are read at init: a stack without them stops the function with one clear line.
/// </summary>
internal sealed class AmiTriggerStarts(ExecutionStarter starter, string rolloutStateMachineArn, string noticeStateMachineArn)
{
    public static AmiTriggerStarts Create(FunctionServices services, string function)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new AmiTriggerStarts(new ExecutionStarter(services.Aws.CreateStepFunctions()),
            Required(services, EnvironmentVariables.NodeGroupUpdateStateMachineArn, function, "the roll-out"),
            Required(services, EnvironmentVariables.NoticeStateMachineArn, function, "the notice"));
    }

    /// <summary>The roll-out's execution ARN, or null when an execution of that name exists already.</summary>
    public Task<string?> RolloutAsync(string name, string clusterId, UpdateTargetText target, IReadOnlyList<string>? nodeGroups, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Serialize(new NodeGroupUpdateExecutionInput(clusterId, target, nodeGroups, DryRun: false), AmiTriggersJsonContext.Strict.NodeGroupUpdateExecutionInput);
        return starter.StartOnceAsync(rolloutStateMachineArn, name, input, clusterId, cancellationToken);
    }

    /// <summary>The notice's execution ARN, or null when it was sent already under that name.</summary>
    public Task<string?> NoticeAsync(string name, string notificationEvent, string clusterId, string clusterName, NodeGroupUpdateNotificationFacts facts, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Serialize(
            new NodeGroupUpdateNoticeInput(WorkflowKind.NodeGroupUpdate.Name, notificationEvent, clusterId, clusterName, facts), AmiTriggersJsonContext.Strict.NodeGroupUpdateNoticeInput);
        return starter.StartOnceAsync(noticeStateMachineArn, name, input, clusterId, cancellationToken);
    }

    private static string Required(FunctionServices services, string variable, string function, string what) =>
        services.GetVariable(variable) is { Length: > 0 } arn
            ? arn
            : throw new InvalidOperationException($"{variable} is not set: {function} needs {what} state machine's ARN.");
}
