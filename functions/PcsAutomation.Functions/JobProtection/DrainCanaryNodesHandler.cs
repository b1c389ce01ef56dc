using System.Globalization;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>
/// <c>DrainCanaryNodes</c> (issue 12, AMI roll-out; <see cref="CanaryDrain"/>): the cluster's job policy, what slurmrestd
/// allows (else <c>requeue</c> and why), the jobs on the canary's nodes, and the planner's lines. With <c>apply</c>, once
/// the canary's update is applied and when the plan said <c>drain</c>: drains the canary's nodes not drained already,
/// with the reason naming the execution. Applying never fails the roll-out: what it could not do is in <c>problems</c>
/// and the canary is then replaced as its jobs end, as without a job policy.
/// </summary>
[LambdaFunction(Timeout = 60, Policies = "PcsRead, PcsResolveClusterName, ReadClusterSecretValues")]
public sealed class DrainCanaryNodesHandler
{
    private static readonly WorkflowKind Workflow = WorkflowKind.NodeGroupUpdate;
    private readonly ClusterReader reader;
    private readonly SlurmRestConnector connector;
    private readonly TimeProvider time;

    internal DrainCanaryNodesHandler(ClusterReader reader, SlurmRestConnector connector, TimeProvider time) =>
        (this.reader, this.connector, this.time) = (reader, connector, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new DrainCanaryNodesHandler(ClusterReader.Create(services), SlurmRestConnector.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, CanaryDrainJsonContext.Strict.DrainCanaryNodesInput, CanaryDrainJsonContext.Strict.CanaryDrainStep);
    }

    public async Task<CanaryDrainStep> HandleAsync(DrainCanaryNodesInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionName = JobProtectionSteps.ExecutionName(WorkflowInput.ExecutionArn(input.ExecutionArn));
        var canary = input.Canary?.NodeGroupName;
        if (input.Apply != true)
            return await PlanAsync(clusterId, executionName, canary, context).ConfigureAwait(false);

        if (JobProtectionSteps.Policy(input.Action, "action") != JobPolicy.Drain)
            return new CanaryDrainStep(clusterId, canary, JobPolicyValues.Requeue, null, null, null, null, false, [], [], [], null);
        if (string.IsNullOrEmpty(canary))
            throw new InvalidWorkflowInput("canary.nodeGroupName is required to drain the canary's nodes.");
        try
        {
            return await DrainAsync(clusterId, executionName, canary, context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // draining only speeds the canary up: a failure is reported, never fails the roll-out
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var problem = $"the nodes of {canary} were not drained ({e.GetType().Name}: {e.Message}): the canary is replaced as its jobs end, as without a job policy";
            context.Logger.LogWarning($"Cluster {clusterId}: {problem}");
            return new CanaryDrainStep(clusterId, canary, JobPolicyValues.Requeue, null, null, null, null, false, [], [problem], [], null);
        }
    }

    private async Task<CanaryDrainStep> PlanAsync(string clusterId, string executionName, string? canary, ILambdaContext context)
    {
        var (cluster, plan, _) = await ReadAsync(clusterId, executionName, canary, keepClient: false, context.CancellationToken).ConfigureAwait(false);
        if (plan is null)
            return new CanaryDrainStep(cluster.Id, null, JobPolicyValues.Requeue, null, null, null, null, false, [], [], ["Jobs: nothing to update, no node drained."], null);
        foreach (var line in plan.Lines)
            context.Logger.LogInformation($"Cluster {cluster.Id}: {line}");
        return Step(cluster.Id, canary, plan, false, [], []);
    }

    private async Task<CanaryDrainStep> DrainAsync(string clusterId, string executionName, string canary, ILambdaContext context)
    {
        var cancellation = context.CancellationToken;
        var (cluster, plan, session) = await ReadAsync(clusterId, executionName, canary, keepClient: true, cancellation).ConfigureAwait(false);
        using (session)
        {
            // The plan said drain; slurmrestd may have gone since: the reason is the problem, the canary is replaced as its jobs end.
            if (plan!.Action != JobPolicyValues.Drain || session?.Client is not { } client)
            {
                var problem = $"the nodes of {canary} were not drained: {plan.FallbackReason ?? "the Slurm REST API is not usable"}; the canary is replaced as its jobs end, as without a job policy";
                context.Logger.LogWarning($"Cluster {cluster.Id}: {problem}");
                return Step(cluster.Id, canary, plan, false, [], [problem]) with { Action = JobPolicyValues.Requeue };
            }

            var nodes = await client.ListNodesAsync(cancellation).ConfigureAwait(false);
            var toDrain = CanaryDrain.NodesToDrain(canary, nodes.Select(n => (n.Name, n.IsDrain)));
            if (toDrain.Count > 0)
                await client.DrainNodesAsync(toDrain, plan.DrainReason!, cancellation).ConfigureAwait(false);
            context.Logger.LogInformation($"Cluster {cluster.Id}: drained the canary {canary}'s {toDrain.Count} nodes [{string.Join(", ", toDrain)}] with reason '{plan.DrainReason}'");
            return Step(cluster.Id, canary, plan, true, toDrain, []);
        }
    }

    /// <summary>
    /// The plan from the tags, slurmrestd and the jobs on the canary's nodes. A REST failure, or a signing key the stack
    /// may not read, is a fallback to <c>requeue</c> with its reason: job protection never stops a roll-out.
    /// </summary>
    private async Task<(Cluster Cluster, JobProtectionPlan? Plan, SlurmRestSession? Session)> ReadAsync(
        string clusterId, string executionName, string? canary, bool keepClient, CancellationToken cancellation)
    {
        var cluster = await reader.RequireClusterAsync(clusterId, cancellation).ConfigureAwait(false);
        var settings = JobPolicyTags.Read(await reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), Workflow);
        if (canary is null)
            return (cluster, null, null);

        SlurmRestSession? session = null;
        EffectiveJobPolicy policy;
        IReadOnlyList<PlacedJob> jobs = [];
        try
        {
            session = await connector.OpenAsync(cluster, cancellation).ConfigureAwait(false);
            var facts = session.Facts;
            if (session.Client is { } client)
            {
                try
                {
                    jobs = await PlacedJobsAsync(client, cancellation).ConfigureAwait(false);
                }
                catch (SlurmRestException e)
                {
                    facts = facts with { Unreachable = $"reading the running jobs: {e.Message}" };
                    session.Dispose();
                    session = new SlurmRestSession(facts, null);
                }
            }
            policy = SlurmRestUsability.Decide(settings.Policy, facts);
        }
        catch (SlurmKeyOutsideScope e)
        {
            policy = settings.Policy == JobPolicy.Requeue ? new(settings.Policy, JobPolicy.Requeue, []) : new(settings.Policy, JobPolicy.Requeue, [e.Message]);
        }

        var plan = CanaryDrain.Plan(new CanaryDrainInput(
            executionName, canary, settings, policy, jobs, time.GetUtcNow(), Domain.NodeGroupUpdate.ReplacementVerification.DefaultMaxWait));
        if (!keepClient)
        {
            session?.Dispose();
            session = null;
        }
        return (cluster, plan, session);
    }

    /// <summary>The jobs holding nodes now (running or completing), with Slurm's expected end and their nodes.</summary>
    private static async Task<IReadOnlyList<PlacedJob>> PlacedJobsAsync(SlurmRestClient client, CancellationToken cancellation)
    {
        var jobs = await client.ListJobsAsync(cancellation).ConfigureAwait(false);
        return [.. jobs.Where(j => !j.IsPending && j.IsActive).Select(j => new PlacedJob(new RunningJob(j.JobId.ToString(CultureInfo.InvariantCulture), j.EndTime), j.Nodes))];
    }

    private static CanaryDrainStep Step(string clusterId, string? canary, JobProtectionPlan plan, bool applied, IReadOnlyList<string> drained, IReadOnlyList<string> problems) =>
        new(clusterId, canary, plan.Action, plan.RequestedPolicy, plan.EffectivePolicy, plan.FallbackReason, plan.DrainReason, applied, drained, problems, plan.Lines, plan);
}
