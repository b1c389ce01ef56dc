using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Model;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>What the three job protection handlers share: names from the input, the jobs and nodes slurmrestd reports.</summary>
internal static class JobProtectionSteps
{
    /// <summary>The execution's name, the last part of its ARN (<c>arn:aws:states:...:execution:&lt;machine&gt;:&lt;name&gt;</c>): reservations and drain reasons are named after it.</summary>
    public static string ExecutionName(string executionArn)
    {
        var name = executionArn[(executionArn.LastIndexOf(':') + 1)..];
        return name.Length > 0 ? name : throw new InvalidWorkflowInput($"executionArn '{WorkflowInput.Clip(executionArn)}' ends without an execution name.");
    }

    /// <summary>
    /// The jobs holding nodes of the cluster now (running or completing), with Slurm's expected end; with
    /// <paramref name="nodeGroups"/>, only those on a node of those groups (a job on other nodes is not the workflow's concern).
    /// </summary>
    public static async Task<IReadOnlyList<RunningJob>> RunningJobsAsync(SlurmRestClient client, CancellationToken cancellationToken, IReadOnlyList<string>? nodeGroups = null)
    {
        var jobs = await client.ListJobsAsync(cancellationToken).ConfigureAwait(false);
        return [.. jobs
            .Where(j => !j.IsPending)
            .Where(j => nodeGroups is not { Count: > 0 } || OnGroups(j.Nodes, nodeGroups))
            .Select(j => new RunningJob(j.JobId.ToString(CultureInfo.InvariantCulture), j.EndTime))];
    }

    /// <summary>The workflow named in the input: the rotation when none is (its state machines name none).</summary>
    public static WorkflowKind Workflow(string? name) => name switch
    {
        null => WorkflowKind.ClusterSecretRotation,
        _ when WorkflowKind.Find(name) is { } w && (w == WorkflowKind.ClusterSecretRotation || w == WorkflowKind.CapacityBlockExpiry) => w,
        _ => throw new InvalidWorkflowInput(
            $"workflow must be {WorkflowKind.ClusterSecretRotation.Name} or {WorkflowKind.CapacityBlockExpiry.Name}, got '{WorkflowInput.Clip(name)}'."),
    };

    /// <summary>A Capacity Block expiry's scope, checked field by field: the reservation's name, the window (null once the block has ended), the groups.</summary>
    public static (string ReservationName, JobProtectionWindow? Window, IReadOnlyList<string> NodeGroups) CapacityBlock(CapacityBlockJobScope? scope, DateTimeOffset now)
    {
        var name = CapacityBlockReservation(scope);
        var timing = scope!.Timing ?? throw new InvalidWorkflowInput("capacityBlock.timing is required: the expiry plan's timing.");
        var groups = scope.NodeGroups?.Select((g, i) => WorkflowInput.Required(g, $"capacityBlock.nodeGroups[{i}]")).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (groups.Count == 0)
            throw new InvalidWorkflowInput("capacityBlock.nodeGroups must name the node groups the block backs: without them every node of the cluster would be held.");
        return (name, JobProtectionWindow.ForCapacityBlock(timing, now), groups);
    }

    /// <summary>The reservation a Capacity Block expiry makes in each cluster using the block, from the block's id and end date as the execution's input gives them.</summary>
    public static string CapacityBlockReservation(CapacityBlockJobScope? scope)
    {
        if (scope is null)
            throw new InvalidWorkflowInput($"capacityBlock is required for the {WorkflowKind.CapacityBlockExpiry.Name}.");
        var reservationId = WorkflowInput.Required(scope.ReservationId, "capacityBlock.reservationId");
        if (!ReservationIds.IsValid(reservationId))
            throw new InvalidWorkflowInput($"capacityBlock.reservationId '{WorkflowInput.Clip(reservationId)}' is not a Capacity Reservation id: {ReservationIds.Expected}.");
        var endText = WorkflowInput.Required(scope.EndDate, "capacityBlock.endDate");
        if (!DateTimeOffset.TryParse(endText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var endDate))
            throw new InvalidWorkflowInput($"capacityBlock.endDate '{WorkflowInput.Clip(endText)}' is not an ISO-8601 date and time (2026-03-02T11:30:00Z).");
        return JobProtectionNames.CapacityBlockReservation(reservationId, endDate.ToUniversalTime());
    }

    private static bool OnGroups(string? hostlist, IReadOnlyList<string> nodeGroups)
    {
        try
        {
            return SlurmNodeNames.AnyOfGroups(hostlist, nodeGroups);
        }
        catch (ArgumentException e)
        {
            throw new JobProtectionFailed($"slurmrestd listed a job's nodes in a form that cannot be read: {e.Message}", e);
        }
    }

    public static JobPolicy Policy(string? text, string field) => text switch
    {
        JobPolicyValues.Reserve => JobPolicy.Reserve,
        JobPolicyValues.Drain => JobPolicy.Drain,
        JobPolicyValues.Requeue => JobPolicy.Requeue,
        _ => throw new InvalidWorkflowInput($"{field} must be {JobPolicyValues.Reserve}, {JobPolicyValues.Drain} or {JobPolicyValues.Requeue}, got '{WorkflowInput.Clip(text)}'."),
    };

    public static JobPolicyTimeoutAction TimeoutAction(string? text) => text switch
    {
        JobPolicyValues.Proceed => JobPolicyTimeoutAction.Proceed,
        JobPolicyValues.Abort => JobPolicyTimeoutAction.Abort,
        _ => throw new InvalidWorkflowInput($"onTimeout must be {JobPolicyValues.Proceed} or {JobPolicyValues.Abort}, got '{WorkflowInput.Clip(text)}'."),
    };

    /// <summary>
    /// Every node slurmrestd lists (powered-down cloud nodes too: a reservation or drain must hold them before they come
    /// up); with <paramref name="nodeGroups"/>, only those groups' nodes.
    /// </summary>
    public static async Task<IReadOnlyList<SlurmNode>> NodesAsync(SlurmRestClient client, CancellationToken cancellationToken, IReadOnlyList<string>? nodeGroups = null)
    {
        var nodes = await client.ListNodesAsync(cancellationToken).ConfigureAwait(false);
        return nodeGroups is { Count: > 0 } ? [.. nodes.Where(n => SlurmNodeNames.IsOfGroups(n.Name, nodeGroups))] : nodes;
    }

    /// <summary>
    /// The nodes these executions drained, by name (<see cref="JobProtectionNames.IsOwnDrain"/>): the only ones a cleanup
    /// resumes, so a node an administrator drained stays drained.
    /// </summary>
    public static IReadOnlyList<string> OwnDrained(IEnumerable<SlurmNode> nodes, WorkflowKind workflow, params IReadOnlyCollection<string> executionNames) =>
        [.. nodes.Where(n => n.IsDrain && executionNames.Any(e => JobProtectionNames.IsOwnDrain(n.Reason, workflow, e))).Select(n => n.Name).Order(StringComparer.Ordinal)];
}
