using PcsAutomation.Domain.JobProtection;
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

    /// <summary>The jobs holding nodes of the cluster now (running or completing), with Slurm's expected end.</summary>
    public static async Task<IReadOnlyList<RunningJob>> RunningJobsAsync(SlurmRestClient client, CancellationToken cancellationToken)
    {
        var jobs = await client.ListJobsAsync(cancellationToken).ConfigureAwait(false);
        return [.. jobs.Where(j => !j.IsPending).Select(j => new RunningJob(j.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture), j.EndTime))];
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

    /// <summary>Every node name slurmrestd lists (powered-down cloud nodes too: a reservation or drain must hold them before they come up).</summary>
    public static async Task<IReadOnlyList<SlurmNode>> NodesAsync(SlurmRestClient client, CancellationToken cancellationToken) =>
        await client.ListNodesAsync(cancellationToken).ConfigureAwait(false);
}
