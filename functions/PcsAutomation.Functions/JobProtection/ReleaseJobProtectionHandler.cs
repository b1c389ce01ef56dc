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
/// <c>ReleaseJobProtection</c>: after the restore, on every path: removes this execution's reservation and resumes only
/// the nodes it drained (<see cref="JobProtectionNames.IsOwnDrain"/>: a node an administrator drained stays drained).
/// GetCluster is read again, so the token is minted from the key the cluster names now (the new one after a rotation;
/// the client re-reads AWSCURRENT once on a 1007). It never fails the workflow: whatever it could not do is in
/// <c>problems</c>, for the operator. A Capacity Block expiry's reservation is named after the block and its end date;
/// its discovery's record (<see cref="ReleaseJobProtectionInput.Discovered"/>) says whether one was made before the action time.
/// </summary>
[LambdaFunction(Timeout = 60, Policies = "PcsRead, PcsResolveClusterName, ReadClusterSecretValues")]
public sealed class ReleaseJobProtectionHandler
{
    private readonly ClusterReader reader;
    private readonly SlurmRestConnector connector;

    internal ReleaseJobProtectionHandler(ClusterReader reader, SlurmRestConnector connector) => (this.reader, this.connector) = (reader, connector);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new ReleaseJobProtectionHandler(ClusterReader.Create(services), SlurmRestConnector.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, JobProtectionJsonContext.Strict.ReleaseJobProtectionInput, JobProtectionJsonContext.Strict.ReleaseJobProtectionResult);
    }

    public async Task<ReleaseJobProtectionResult> HandleAsync(ReleaseJobProtectionInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionName = JobProtectionSteps.ExecutionName(WorkflowInput.ExecutionArn(input.ExecutionArn));
        var workflow = JobProtectionSteps.Workflow(input.Workflow);
        // What this execution did to the cluster: the action now, and what an expiry's discovery did (its reservation).
        var actions = new HashSet<JobPolicy> { JobProtectionSteps.Policy(input.Action, "action") };
        foreach (var earlier in (input.Discovered ?? []).Where(d => d?.ClusterId == clusterId && d.Applied == true))
            actions.Add(JobProtectionSteps.Policy(earlier.Action, "discovered[].action"));
        // A restore: the expiries that parked its groups may have drained their nodes, and a drain can outlive the nodes'
        // absence; back in their queues, they would take no job until resumed.
        var drainedBy = (input.DrainedBy ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.Ordinal).ToList();
        // Whether those expiries drained anything is not known here (their policy may have fallen back to requeue).
        var restoreOnly = drainedBy.Count > 0 && actions.All(a => a == JobPolicy.Requeue);
        // The drain reasons an operator looks for when the resume must be done by hand.
        var drainReasons = string.Join(" or ", (restoreOnly ? drainedBy : [executionName, .. drainedBy]).Select(e => $"'{JobProtectionNames.DrainReason(workflow, e)}'"));
        if (drainedBy.Count > 0)
            actions.Add(JobPolicy.Drain);
        var blockReservation = workflow == WorkflowKind.CapacityBlockExpiry ? JobProtectionSteps.CapacityBlockReservation(input.CapacityBlock) : null;
        var action = actions.Contains(JobPolicy.Reserve) ? JobPolicy.Reserve : actions.Contains(JobPolicy.Drain) ? JobPolicy.Drain : JobPolicy.Requeue;
        if (action == JobPolicy.Requeue)
            return new ReleaseJobProtectionResult(false, [], []);

        var reservation = blockReservation ?? JobProtectionNames.Reservation(executionName);
        var problems = new List<string>();
        var removed = false;
        var resumed = new List<string>();
        try
        {
            var cluster = await reader.RequireClusterAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
            using var session = await connector.OpenAsync(cluster, context.CancellationToken).ConfigureAwait(false);
            if (session.Client is not { } client)
            {
                // A cluster or stack without REST did not let those expiries drain either. An endpoint that is only
                // unreachable now may have been reachable then: their drains may be waiting, so that is for an operator.
                if (restoreOnly && SlurmRestUsability.Unusable(session.Facts with { Unreachable = null }).Count > 0)
                {
                    context.Logger.LogInformation($"Cluster {clusterId}: the Slurm REST API cannot be used: no drain of [{string.Join(", ", drainedBy)}] to resume");
                    return new ReleaseJobProtectionResult(false, [], []);
                }
                problems.Add($"the Slurm REST API cannot be used ({string.Join("; ", SlurmRestUsability.Unusable(session.Facts))}): {What(action, reservation, drainReasons)} by hand (docs/runbooks/job-protection.md)");
            }
            else
            {
                if (action == JobPolicy.Reserve && client.Capabilities.Reservations)
                    removed = await Attempt(() => client.DeleteReservationAsync(reservation, context.CancellationToken), problems, $"reservation {reservation} not removed").ConfigureAwait(false);
                var nodes = await Attempt(() => JobProtectionSteps.NodesAsync(client, context.CancellationToken), problems, $"the nodes could not be listed to resume the ones drained with reason {drainReasons}").ConfigureAwait(false);
                var own = JobProtectionSteps.OwnDrained(nodes ?? [], workflow, [executionName, .. drainedBy]);
                if (own.Count > 0 && await Attempt(async () => { await client.ResumeNodesAsync(own, context.CancellationToken).ConfigureAwait(false); return true; }, problems,
                        $"nodes [{string.Join(", ", own)}] drained with reason {drainReasons} not resumed").ConfigureAwait(false))
                    resumed.AddRange(own);
            }
        }
#pragma warning disable CA1031 // a cleanup never fails the restore: every failure becomes a problem for the operator
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problems.Add($"{What(action, reservation, drainReasons)} by hand (docs/runbooks/job-protection.md): {e.GetType().Name}: {e.Message}");
        }

        context.Logger.LogInformation(
            $"Cluster {clusterId}: job protection released: reservation {reservation} removed {removed}, resumed [{string.Join(", ", resumed)}]");
        foreach (var problem in problems)
            context.Logger.LogWarning($"Cluster {clusterId}: Needs operator: {problem}");
        return new ReleaseJobProtectionResult(removed, resumed, problems);
    }

    private static string What(JobPolicy action, string reservation, string drainReasons) =>
        action == JobPolicy.Reserve ? $"remove reservation {reservation}" : $"resume the nodes drained with reason {drainReasons}";

    private static async Task<T?> Attempt<T>(Func<Task<T>> call, List<string> problems, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Slurm.Errors.SlurmRestException e)
        {
            problems.Add($"{what}: {e.Message}");
            return default;
        }
    }
}
