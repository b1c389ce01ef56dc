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
/// <c>PlanJobProtection</c> (issue 12, rotation): the cluster's job policy from its tags, what slurmrestd allows
/// (<see cref="SlurmRestUsability"/>: the fallback to <c>requeue</c> and why), the running jobs, and the planner's lines.
/// Read-only unless <c>apply</c>: then, at the window's start and under the lease, <c>reserve</c> creates the MAINT
/// reservation (kept when the window's notice already made it: same name) and <c>drain</c> drains every node not drained
/// already, with the reason naming the execution.
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
        var cancellation = context.CancellationToken;
        var workflow = WorkflowKind.ClusterSecretRotation;

        var cluster = await reader.RequireClusterAsync(clusterId, cancellation).ConfigureAwait(false);
        var settings = JobPolicyTags.Read(await reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), workflow);
        using var session = await connector.OpenAsync(cluster, cancellation).ConfigureAwait(false);
        var policy = SlurmRestUsability.Decide(settings.Policy, session.Facts);
        var running = session.Client is { } reading
            ? await Read(() => JobProtectionSteps.RunningJobsAsync(reading, cancellation), "reading the running jobs").ConfigureAwait(false)
            : [];
        var now = time.GetUtcNow();
        var opensAt = input.WindowOpensAt ?? now;
        var window = JobProtectionWindow.ForRotation(now, opensAt, TimeSpan.FromSeconds(input.ExpectedDowntimeSeconds ?? 0), settings.Timeout);
        // The rotation started by the reconciler for a window is named after that window, so the notice's reservation and
        // the rotation's are one (JobProtectionNames.RotationReservation); a rotation on demand has its own.
        var reservationName = input.WindowOpensAt is { } announced ? JobProtectionNames.RotationReservation(cluster.Id, announced) : null;
        var plan = JobProtectionPlanner.Plan(new JobProtectionInput(workflow, executionName, settings, policy, window, running, now, ReservationName: reservationName));

        var drained = new List<string>();
        var applied = false;
        var acts = input.WindowOpensAt is null ? plan.Action != JobPolicyValues.Requeue : plan.Action == JobPolicyValues.Reserve;
        if (input.Apply == true && acts)
        {
            var client = session.Client!;
            if (plan.Reservation is { } reservation)
                await Read(() => ReserveAsync(client, reservation, executionName, context, cancellation), $"creating reservation {reservation.Name}").ConfigureAwait(false);
            else
                drained.AddRange(await Read(() => DrainAsync(client, plan.DrainReason!, cancellation), "draining the nodes").ConfigureAwait(false));
            applied = true;
        }

        foreach (var line in plan.Lines)
            context.Logger.LogInformation($"Cluster {cluster.Id}: {line}");
        if (drained.Count > 0)
            context.Logger.LogInformation($"Cluster {cluster.Id}: drained {drained.Count} nodes: [{string.Join(", ", drained)}]");
        return new JobProtectionStep(
            cluster.Id, plan.Action, plan.EffectivePolicy, plan.FallbackReason, plan.Reservation?.Name, window.Start, window.End,
            plan.TimeoutSeconds, plan.OnTimeout, applied, drained, plan.Lines, plan);
    }

    /// <summary>
    /// The reservation on every node the cluster lists. slurmrestd updates one of the same name (SlurmRestClient), so the
    /// notice's reservation is moved to the rotation's actual window (now to the rotation's expected end) rather than duplicated.
    /// </summary>
    private static async Task<bool> ReserveAsync(
        SlurmRestClient client, MaintenanceReservation reservation, string executionName, ILambdaContext context, CancellationToken cancellation)
    {
        var nodes = await JobProtectionSteps.NodesAsync(client, cancellation).ConfigureAwait(false);
        await client.CreateMaintenanceReservationAsync(new SlurmMaintenanceReservation(
            reservation.Name, [.. nodes.Select(n => n.Name)], reservation.StartsAt, reservation.EndsAt,
            $"{WorkflowKind.ClusterSecretRotation.Name} {executionName}: no job may run into the maintenance"), cancellation).ConfigureAwait(false);
        context.Logger.LogInformation($"Created {reservation}");
        return true;
    }

    /// <summary>Drains the nodes not drained yet; a node someone else drained keeps its reason (and is never resumed by this execution).</summary>
    private static async Task<IReadOnlyList<string>> DrainAsync(SlurmRestClient client, string reason, CancellationToken cancellation)
    {
        var nodes = await JobProtectionSteps.NodesAsync(client, cancellation).ConfigureAwait(false);
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
