using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>PlanCapacityBlockExpiry</c>: read-only. Checks the input field by field, reads the facts and plans: the first plan
/// (its timing says when to act; an unknown or non-block reservation is refused here, before anything), the re-read at
/// action time (<c>nodeGroupIds</c> given: <see cref="ExpiryRecheck"/> says act, superseded or nothing due), and one
/// cluster's work under its lease (<c>clusterId</c> given), checked before its first change (a deleted launch template
/// fails here, <see cref="LaunchTemplateMissing"/>). In restore mode the same for <see cref="ParkedRestore"/>. Only
/// managed clusters are acted on; the others are listed as skipped.
/// </summary>
[LambdaFunction(Timeout = 300, Policies = "@CapacityFactsReadPolicy, ParkedRecords")]
public sealed class PlanCapacityBlockExpiryHandler
{
    private readonly CapacityExpiryPlanning planning;

    internal PlanCapacityBlockExpiryHandler(CapacityExpiryPlanning planning) => this.planning = planning;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new PlanCapacityBlockExpiryHandler(CapacityExpiryPlanning.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.PlanCapacityBlockExpiryInput, CapacityBlockJsonContext.Strict.CapacityBlockExpiryPlan);
    }

    public async Task<CapacityBlockExpiryPlan> HandleAsync(PlanCapacityBlockExpiryInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var request = ExpiryRequest.Validate(input);
        using var scope = context.Logger.BeginScope("reservationId", request.ReservationId);
        var plan = request.Mode == CapacityBlockNotifications.RestoreMode
            ? await RestoreAsync(request, context).ConfigureAwait(false)
            : await ExpireAsync(request, context).ConfigureAwait(false);
        context.Logger.LogInformation(
            $"{request.Mode} {request.ReservationId} ({request.Stage}, trigger {request.Trigger}): {plan.Outcome}: {plan.Reason}; clusters [{string.Join(", ", plan.Clusters.Select(c => c.ClusterName))}]" +
            (plan.Skipped.Count > 0 ? $"; skipped [{string.Join("; ", plan.Skipped.Select(s => $"{s.ClusterName}: {s.Reason}"))}]" : "") +
            (plan.WaitUntil is { } at ? $"; acts at {at}" : ""));
        foreach (var finding in plan.Findings)
            context.Logger.LogWarning($"{(finding.NeedsOperator ? "NEEDS OPERATOR " : "")}{finding}");
        return plan;
    }

    private async Task<CapacityBlockExpiryPlan> ExpireAsync(ExpiryRequest request, ILambdaContext context)
    {
        var cancellation = context.CancellationToken;
        var reading = await planning.ExpireAsync(request.ReservationId, request.NodeGroupIds, cancellation).ConfigureAwait(false);
        if (request.Stage == ExpiryRequest.FirstPlan)
            RequireBlock(request, reading.Block);
        var plan = reading.Plan;
        var decision = ExpiryRecheck.Decide(request.ReservationId, request.EndDate, reading.Block, plan?.IsComplete() ?? true, planning.Time.GetUtcNow());
        var acting = decision.Outcome == RecheckOutcomes.Act && plan is not null;

        var targets = new List<ClusterTarget>();
        var skipped = new List<ClusterSkip>();
        foreach (var part in plan?.Clusters ?? [])
        {
            if (planning.Unmanaged(reading.Facts, part.ClusterId) is { } why)
                skipped.Add(new ClusterSkip(part.ClusterId, part.ClusterName, why));
            else if (!part.IsComplete())
                targets.Add(new ClusterTarget(part.ClusterId, part.ClusterName, [.. part.Groups.Select(g => g.NodeGroupName)]));
        }

        ClusterWork? work = null;
        if (request.ClusterId is { } clusterId)
        {
            if (skipped.FirstOrDefault(s => s.ClusterId == clusterId) is { } skip)
                throw new ClusterNotManaged($"Cluster {skip.ClusterName} ({clusterId}) is {skip.Reason}.");
            work = acting ? ClusterWorks.Expire(plan!, reading.Facts, clusterId) : Empty(request, clusterId, reading);
            ClusterWorks.RequireTemplates(
                work.Groups.Where(g => g.LaunchTemplate is not null && g.Remaining.Contains(ExpirySteps.CreateLaunchTemplateVersion)).Select(g => (g.NodeGroupName, g.NodeGroupId, g.LaunchTemplate!)),
                reading.Facts, clusterId);
        }

        var timing = plan?.Timing;
        return new CapacityBlockExpiryPlan(
            request.ReservationId, Iso(request.EndDate), request.Mode, request.Trigger, request.DryRun, decision.Outcome, decision.Reason,
            decision.NewEndDate is { } moved ? Iso(moved) : null, decision.NewExecutionName, timing, timing is null ? null : Iso(timing.ActionStartsAt),
            plan?.NodeGroupIds ?? request.NodeGroupIds ?? [], acting ? targets : [], skipped, plan?.Findings ?? [], plan?.Notes ?? [], plan, null, work);
    }

    private async Task<CapacityBlockExpiryPlan> RestoreAsync(ExpiryRequest request, ILambdaContext context)
    {
        var reading = await planning.RestoreAsync(request.ReservationId, context.CancellationToken).ConfigureAwait(false);
        if (request.Stage == ExpiryRequest.FirstPlan)
            RequireBlock(request, reading.Block);
        var restore = reading.Restore;
        var clusterIds = (restore?.Groups.Select(g => g.ClusterId) ?? []).Concat(restore?.QueueEdits.Select(e => e.ClusterId) ?? [])
            .Concat(restore?.Forget.Select(f => f.ClusterId) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var targets = new List<ClusterTarget>();
        var skipped = new List<ClusterSkip>();
        foreach (var id in clusterIds)
        {
            var name = reading.Facts.Clusters.FirstOrDefault(c => c.ClusterId == id)?.ClusterName ?? id;
            if (planning.Unmanaged(reading.Facts, id) is { } why)
                skipped.Add(new ClusterSkip(id, name, why));
            else
                targets.Add(new ClusterTarget(id, name, []));
        }

        ClusterWork? work = null;
        if (request.ClusterId is { } clusterId && restore is not null && reading.Block is { } block)
        {
            if (skipped.FirstOrDefault(s => s.ClusterId == clusterId) is { } skip)
                throw new ClusterNotManaged($"Cluster {skip.ClusterName} ({clusterId}) is {skip.Reason}.");
            work = ClusterWorks.Restore(restore, block, reading.Facts, clusterId);
            ClusterWorks.RequireTemplates(
                work.Restores.Where(r => r.LaunchTemplate is not null && r.Remaining.Contains(ExpirySteps.CreateLaunchTemplateVersion)).Select(r => (r.NodeGroupName, r.NodeGroupId, r.LaunchTemplate!)),
                reading.Facts, clusterId);
        }

        var outcome = targets.Count > 0 ? "restore" : RecheckOutcomes.NothingDue;
        var reason = reading.Block is null
            ? $"reservation {request.ReservationId} is no longer listed by EC2: nothing to restore onto it"
            : targets.Count > 0
                ? $"block {request.ReservationId} ({reading.Block.State}) can take back {restore!.Groups.Count} parked node groups"
                : $"no parked node group comes back on block {request.ReservationId} ({reading.Block.State})";
        return new CapacityBlockExpiryPlan(
            request.ReservationId, Iso(request.EndDate), request.Mode, request.Trigger, request.DryRun, outcome, reason, null, null, null, null,
            request.NodeGroupIds ?? [], targets, skipped, restore?.Findings ?? [], [], null, restore, work);
    }

    /// <summary>The first plan refuses a reservation EC2 does not know, or one that is not a Capacity Block: an input mistake, nothing is read further.</summary>
    private static void RequireBlock(ExpiryRequest request, CapacityReservationFacts? block)
    {
        if (block is null)
            throw new InvalidWorkflowInput($"reservationId '{request.ReservationId}' names no Capacity Reservation in this account and Region.");
        if (!block.IsCapacityBlock())
            throw new InvalidWorkflowInput($"reservationId '{request.ReservationId}' is a {block.ReservationType} reservation, not a Capacity Block (reservation type capacity-block).");
    }

    private static ClusterWork Empty(ExpiryRequest request, string clusterId, ExpiryReading reading) =>
        new(clusterId, reading.Facts.Clusters.FirstOrDefault(c => c.ClusterId == clusterId)?.ClusterName ?? clusterId, request.Mode, [], [], [], [], [], [], false, false, false,
            new CapacityBlockNotificationFacts(request.Mode, request.ReservationId, reading.Block?.EndDate, Complete: true));

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
