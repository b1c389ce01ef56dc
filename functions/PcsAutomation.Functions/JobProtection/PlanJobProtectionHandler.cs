using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>
/// <c>PlanJobProtection</c> (issue 12: the rotation and the Capacity Block expiry): the cluster's job policy from its tags, what slurmrestd allows
/// (<see cref="SlurmRestUsability"/>: the fallback to <c>requeue</c> and why), the running jobs, and the planner's lines.
/// Read-only unless <c>apply</c>: then, at the window's start and under the lease, <c>reserve</c> creates the MAINT
/// reservation (kept when the window's notice already made it: same name) and <c>drain</c> drains every node not drained
/// already, with the reason naming the execution. An expiry (<see cref="PlanJobProtectionInput.CapacityBlock"/>) holds only
/// the nodes of the groups the block backs, from its action time to its end (<see cref="JobProtectionWindow.ForCapacityBlock"/>):
/// at the block's discovery <c>reserve</c> reserves; at the action time the reservation is made again if missing, or the nodes drained.
/// </summary>
[LambdaFunction(Timeout = 60, Policies = "PcsRead, PcsResolveClusterName, ReadClusterSecretValues")]
public sealed class PlanJobProtectionHandler
{
    private readonly ClusterReader reader;
    private readonly SlurmRestConnector connector;
    private readonly TimeProvider time;

    internal PlanJobProtectionHandler(ClusterReader reader, SlurmRestConnector connector, TimeProvider time) =>
        (this.reader, this.connector, this.time) = (reader, connector, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new PlanJobProtectionHandler(ClusterReader.Create(services), SlurmRestConnector.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, JobProtectionJsonContext.Strict.PlanJobProtectionInput, JobProtectionJsonContext.Strict.JobProtectionStep);
    }

    public async Task<JobProtectionStep> HandleAsync(PlanJobProtectionInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionName = JobProtectionSteps.ExecutionName(WorkflowInput.ExecutionArn(input.ExecutionArn));
        if (input.ExpectedDowntimeSeconds is < 0)
            throw new InvalidWorkflowInput($"expectedDowntimeSeconds must be 0 or more, got {input.ExpectedDowntimeSeconds}.");
        var workflow = JobProtectionSteps.Workflow(input.Workflow);
        var cancellation = context.CancellationToken;
        var now = time.GetUtcNow();
        var scope = workflow == WorkflowKind.CapacityBlockExpiry ? CapacityBlockScope(input, now) : null;

        var cluster = await reader.RequireClusterAsync(clusterId, cancellation).ConfigureAwait(false);
        var settings = JobPolicyTags.Read(await reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), workflow);
        if (scope is { Window: null })
            return BlockEnded(cluster.Id, workflow, settings, scope, now, context);
        using var session = await connector.OpenAsync(cluster, cancellation).ConfigureAwait(false);
        var policy = SlurmRestUsability.Decide(settings.Policy, session.Facts);
        var groups = scope?.NodeGroups ?? [];
        var running = session.Client is { } reading
            ? await Read(() => JobProtectionSteps.RunningJobsAsync(reading, cancellation, groups), "reading the running jobs").ConfigureAwait(false)
            : [];
        var window = scope?.Window ?? JobProtectionWindow.ForRotation(
            now, input.WindowOpensAt ?? now, TimeSpan.FromSeconds(input.ExpectedDowntimeSeconds ?? 0), settings.Timeout);
        // The rotation started by the reconciler for a window is named after that window, so the notice's reservation and
        // the rotation's are one (JobProtectionNames.RotationReservation); a rotation on demand has its own. An expiry's
        // is named after its block and end date, so its discovery and its action time (and any re-run) find one reservation.
        var reservationName = scope?.ReservationName
            ?? (input.WindowOpensAt is { } announced ? JobProtectionNames.RotationReservation(cluster.Id, announced) : null);
        var plan = JobProtectionPlanner.Plan(new JobProtectionInput(workflow, executionName, settings, policy, window, running, now, groups, reservationName));

        var drained = new List<string>();
        var applied = false;
        var lines = plan.Lines.ToList();
        // An advance notice or a block's discovery only reserves (from then on); a drain waits for the window's start.
        var announcing = scope is null ? input.WindowOpensAt is not null : scope.AtActionTime != true;
        var acts = announcing ? plan.Action == JobPolicyValues.Reserve : plan.Action != JobPolicyValues.Requeue;
        if (input.Apply == true && input.DryRun != true && acts)
        {
            var client = session.Client!;
            if (plan.Reservation is { } reservation)
                applied = await Read(() => ReserveAsync(client, reservation, workflow, executionName, groups, context, cancellation), $"creating reservation {reservation.Name}").ConfigureAwait(false);
            else
            {
                drained.AddRange(await Read(() => DrainAsync(client, plan.DrainReason!, groups, cancellation), "draining the nodes").ConfigureAwait(false));
                applied = true;
            }
            if (!applied)
                lines.Add($"Slurm lists no node of {string.Join(", ", groups)} (in no queue): no reservation was needed.");
        }

        foreach (var line in lines)
            context.Logger.LogInformation($"Cluster {cluster.Id}: {line}");
        if (drained.Count > 0)
            context.Logger.LogInformation($"Cluster {cluster.Id}: drained {drained.Count} nodes: [{string.Join(", ", drained)}]");
        return new JobProtectionStep(
            cluster.Id, workflow.Name, plan.Action, plan.EffectivePolicy, plan.FallbackReason, plan.Reservation?.Name, window.Start, window.End,
            plan.TimeoutSeconds, plan.OnTimeout, applied, drained, lines, plan, groups);
    }

    /// <summary>What an expiry holds: its reservation's name, its window (null once the block has ended) and the block's groups.</summary>
    private sealed record BlockScope(string ReservationName, JobProtectionWindow? Window, IReadOnlyList<string> NodeGroups, bool? AtActionTime);

    private static BlockScope CapacityBlockScope(PlanJobProtectionInput input, DateTimeOffset now)
    {
        var (name, window, groups) = JobProtectionSteps.CapacityBlock(input.CapacityBlock, now);
        return new BlockScope(name, window, groups, input.CapacityBlock!.AtActionTime);
    }

    /// <summary>The block has ended (its instances are gone): nothing to hold, nothing to wait for.</summary>
    private static JobProtectionStep BlockEnded(string clusterId, WorkflowKind workflow, JobPolicySettings settings, BlockScope scope, DateTimeOffset now, ILambdaContext context)
    {
        var line = "Jobs: the Capacity Block has ended: its instances are gone, there are no jobs to protect.";
        context.Logger.LogInformation($"Cluster {clusterId}: {line}");
        var window = new JobProtectionWindow(now, now);
        var plan = new JobProtectionPlan(
            workflow.Name, settings.Policy.Text(), settings.PolicyTagged, JobPolicyValues.Requeue, "the block has ended", JobPolicyValues.Requeue,
            (long)settings.Timeout.TotalSeconds, settings.OnTimeout.Text(), null, null, now, now, 0, 0, 0, [], settings.Problems, [line]);
        return new JobProtectionStep(
            clusterId, workflow.Name, JobPolicyValues.Requeue, JobPolicyValues.Requeue, "the block has ended", null, window.Start, window.End,
            plan.TimeoutSeconds, plan.OnTimeout, false, [], [line], plan, scope.NodeGroups);
    }

    /// <summary>
    /// The reservation on every node the cluster lists (a block's groups' nodes only). slurmrestd updates one of the same
    /// name (SlurmRestClient), so the notice's (or the block's discovery's) reservation is moved to the actual window
    /// rather than duplicated. False when Slurm lists no such node: a reservation names at least one.
    /// </summary>
    private static async Task<bool> ReserveAsync(
        SlurmRestClient client, MaintenanceReservation reservation, WorkflowKind workflow, string executionName, IReadOnlyList<string> groups,
        ILambdaContext context, CancellationToken cancellation)
    {
        var nodes = await JobProtectionSteps.NodesAsync(client, cancellation, groups).ConfigureAwait(false);
        if (nodes.Count == 0)
            return false;
        var why = workflow == WorkflowKind.CapacityBlockExpiry
            ? "no job may run into the end of the Capacity Block (EC2 terminates its instances)"
            : "no job may run into the maintenance";
        await client.CreateMaintenanceReservationAsync(new SlurmMaintenanceReservation(
            reservation.Name, [.. nodes.Select(n => n.Name)], reservation.StartsAt, reservation.EndsAt, $"{workflow.Name} {executionName}: {why}"),
            cancellation).ConfigureAwait(false);
        context.Logger.LogInformation($"Created {reservation}");
        return true;
    }

    /// <summary>Drains the nodes not drained yet; a node someone else drained keeps its reason (and is never resumed by this execution).</summary>
    private static async Task<IReadOnlyList<string>> DrainAsync(SlurmRestClient client, string reason, IReadOnlyList<string> groups, CancellationToken cancellation)
    {
        var nodes = await JobProtectionSteps.NodesAsync(client, cancellation, groups).ConfigureAwait(false);
        var toDrain = nodes.Where(n => !n.IsDrain).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        await client.DrainNodesAsync(toDrain, reason, cancellation).ConfigureAwait(false);
        return toDrain;
    }

    private static async Task<T> Read<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SlurmRestException e)
        {
            throw new JobProtectionFailed($"slurmrestd failed while {what}: {e.Message}", e);
        }
    }
}
