using System.Globalization;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>
/// <c>WaitForRunningJobs</c>: one look at the jobs still running on the cluster's nodes at the window's start
/// (<see cref="JobWait.Decide"/>, bounded by the timeout from the window's start; for a Capacity Block expiry, on the
/// block's groups' nodes only, and never past the expiry's latest start). The ASL waits <c>waitSeconds</c>
/// (on the execution's clock) and looks again; jobs often end before their time limit, so it looks at least every
/// <see cref="MaxPollSeconds"/> seconds.
/// </summary>
[LambdaFunction(Timeout = 60, Policies = "PcsRead, PcsResolveClusterName, ReadClusterSecretValues")]
public sealed class WaitForRunningJobsHandler
{
    public const int MinPollSeconds = 30;
    public const int MaxPollSeconds = 300;

    private readonly ClusterReader reader;
    private readonly SlurmRestConnector connector;
    private readonly TimeProvider time;

    internal WaitForRunningJobsHandler(ClusterReader reader, SlurmRestConnector connector, TimeProvider time) =>
        (this.reader, this.connector, this.time) = (reader, connector, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new WaitForRunningJobsHandler(ClusterReader.Create(services), SlurmRestConnector.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, JobProtectionJsonContext.Strict.WaitForRunningJobsInput, JobProtectionJsonContext.Strict.WaitForRunningJobsResult);
    }

    public async Task<WaitForRunningJobsResult> HandleAsync(WaitForRunningJobsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        WorkflowInput.ExecutionArn(input.ExecutionArn);
        var action = JobProtectionSteps.Policy(input.Action, "action");
        var onTimeout = JobProtectionSteps.TimeoutAction(input.OnTimeout);
        var attempt = WorkflowInput.Attempt(input.Attempt);
        if (input.WindowStart is not { } start || input.WindowEnd is not { } end || end < start)
            throw new InvalidWorkflowInput("windowStart and windowEnd are required, windowEnd not before windowStart.");
        if (input.TimeoutSeconds is not { } timeoutSeconds || timeoutSeconds < 0)
            throw new InvalidWorkflowInput($"timeoutSeconds must be 0 or more, got {input.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.");
        var workflow = JobProtectionSteps.Workflow(input.Workflow);
        var window = new JobProtectionWindow(start, end);
        IReadOnlyList<string> groups = [];
        if (workflow == WorkflowKind.CapacityBlockExpiry)
        {
            // The same window PlanJobProtection computed from the plan's timing at the window's start, with its cap: the
            // expiry's latest start, so its actions still end 15 minutes before EC2 terminates the instances.
            (_, var capped, groups) = JobProtectionSteps.CapacityBlock(input.CapacityBlock, start);
            window = capped is null ? window : window with { WaitCap = capped.WaitCap, WaitCapReason = capped.WaitCapReason };
        }
        var cancellation = context.CancellationToken;

        var running = Array.Empty<RunningJob>() as IReadOnlyList<RunningJob>;
        if (action != JobPolicy.Requeue)
        {
            var cluster = await reader.RequireClusterAsync(clusterId, cancellation).ConfigureAwait(false);
            using var session = await connector.OpenAsync(cluster, cancellation).ConfigureAwait(false);
            if (session.Client is not { } client)
                throw new JobProtectionFailed(
                    $"Cluster {clusterId}: the Slurm REST API cannot be used during the wait ({string.Join("; ", SlurmRestUsability.Unusable(session.Facts))}): the running jobs cannot be seen.");
            try
            {
                running = await JobProtectionSteps.RunningJobsAsync(client, cancellation, groups).ConfigureAwait(false);
            }
            catch (SlurmRestException e)
            {
                throw new JobProtectionFailed($"Cluster {clusterId}: slurmrestd failed while reading the running jobs: {e.Message}", e);
            }
        }

        // An expiry always proceeds: the block's end is not the workflow's to put off (JobPolicyTags.CanAbort).
        if (!JobPolicyTags.CanAbort(workflow))
            onTimeout = JobPolicyTimeoutAction.Proceed;
        var settings = new JobPolicySettings(action, true, TimeSpan.FromSeconds(timeoutSeconds), onTimeout, [], []);
        var now = time.GetUtcNow();
        var decision = JobWait.Decide(workflow, action, settings, window, running, now);
        var wait = decision.Until is { } until
            ? (int)Math.Clamp(Math.Ceiling((until - now).TotalSeconds), MinPollSeconds, MaxPollSeconds)
            : 0;
        var outcome = decision.Outcome switch
        {
            JobWaitOutcome.Ready => "READY",
            JobWaitOutcome.Wait => "WAIT",
            JobWaitOutcome.TimedOut => "TIMED_OUT",
            _ => "NO_WAIT",
        };
        context.Logger.LogInformation($"Cluster {clusterId} jobs (look {attempt + 1}): {outcome}: {decision.Reason}");
        return new WaitForRunningJobsResult(
            outcome, decision.Reason, [.. decision.Running.Select(j => j.JobId)], decision.OnTimeout?.Text(), attempt + 1, wait);
    }
}
