using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>
/// <c>ResumeCanaryNodes</c>: once the roll-out's canary is verified or has failed (every path: the other groups next,
/// or the rollback), resumes only the nodes this execution drained (<see cref="JobProtectionNames.IsOwnDrain"/>: a node
/// an administrator drained stays drained). The canary's replacements keep the drained node names (Slurm holds the
/// flag on the name), so until then they run no job. It never fails the roll-out: what it could not do is in
/// <c>problems</c>, for the operator.
/// </summary>
[LambdaFunction(Timeout = 60, Policies = "PcsRead, PcsResolveClusterName, ReadClusterSecretValues")]
public sealed class ResumeCanaryNodesHandler
{
    private readonly ClusterReader reader;
    private readonly SlurmRestConnector connector;

    internal ResumeCanaryNodesHandler(ClusterReader reader, SlurmRestConnector connector) => (this.reader, this.connector) = (reader, connector);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new ResumeCanaryNodesHandler(ClusterReader.Create(services), SlurmRestConnector.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CanaryDrainJsonContext.Strict.ResumeCanaryNodesInput, CanaryDrainJsonContext.Strict.ResumeCanaryNodesResult);
    }

    public async Task<ResumeCanaryNodesResult> HandleAsync(ResumeCanaryNodesInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionName = JobProtectionSteps.ExecutionName(WorkflowInput.ExecutionArn(input.ExecutionArn));
        if (JobProtectionSteps.Policy(input.Action, "action") != JobPolicy.Drain)
            return new ResumeCanaryNodesResult([], []);

        var reason = JobProtectionNames.DrainReason(WorkflowKind.NodeGroupUpdate, executionName);
        var byHand = $"resume the nodes drained with reason '{reason}' by hand (docs/runbooks/job-protection.md)";
        var problems = new List<string>();
        var resumed = new List<string>();
        try
        {
            var cluster = await reader.RequireClusterAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
            using var session = await connector.OpenAsync(cluster, context.CancellationToken).ConfigureAwait(false);
            if (session.Client is not { } client)
            {
                problems.Add($"the Slurm REST API cannot be used ({string.Join("; ", SlurmRestUsability.Unusable(session.Facts))}): {byHand}");
            }
            else
            {
                var nodes = await client.ListNodesAsync(context.CancellationToken).ConfigureAwait(false);
                var own = JobProtectionSteps.OwnDrained(nodes, WorkflowKind.NodeGroupUpdate, executionName);
                await client.ResumeNodesAsync(own, context.CancellationToken).ConfigureAwait(false);
                resumed.AddRange(own);
            }
        }
#pragma warning disable CA1031 // a cleanup never fails the roll-out: every failure becomes a problem for the operator
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problems.Add($"{byHand}: {e.GetType().Name}: {e.Message}");
        }

        context.Logger.LogInformation($"Cluster {clusterId}: resumed the canary's nodes [{string.Join(", ", resumed)}]");
        foreach (var problem in problems)
            context.Logger.LogWarning($"Cluster {clusterId}: Needs operator: {problem}");
        return new ResumeCanaryNodesResult(resumed, problems);
    }
}
