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
/// <c>ReportCapacityBlockExpiry</c>: the last step of every cluster, whatever happened before (success, a failed step,
/// a lease never free). It reads everything again and plans again, so what it reports as done and left is what AWS
/// says now, not what the steps believed: per group its action with the steps done and left, each queue with its
/// planned list and whether PCS lists it, the findings (a queue left with an expiring only group is a loud one), the
/// saved scaling of the groups parked. The event follows (<see cref="CapacityBlockNotifications.ReportEvent"/>):
/// Succeeded, or NeedsOperator; the jobs the expiry went on without, and what the job protection's cleanup left, are
/// lines of it (a leftover reservation is a Needs operator line, not a failure of the park). In restore mode, the parked records of the groups fully back (or deleted) are forgotten
/// here, once AWS shows them restored; that is its only write.
/// </summary>
[LambdaFunction(Timeout = 300, Policies = "@CapacityFactsReadPolicy, ParkedRecords")]
public sealed class ReportCapacityBlockExpiryHandler
{
    private readonly CapacityExpiryPlanning planning;

    internal ReportCapacityBlockExpiryHandler(CapacityExpiryPlanning planning) => this.planning = planning;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new ReportCapacityBlockExpiryHandler(CapacityExpiryPlanning.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.ReportCapacityBlockExpiryInput, CapacityBlockJsonContext.Strict.ReportCapacityBlockExpiryResult);
    }

    public async Task<ReportCapacityBlockExpiryResult> HandleAsync(ReportCapacityBlockExpiryInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var reservationId = WorkflowInput.Required(input.ReservationId, "reservationId");
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        using var scope = context.Logger.BeginScope("clusterId", clusterId);
        var (complete, facts) = input.Mode == CapacityBlockNotifications.RestoreMode
            ? await RestoreAsync(reservationId, clusterId, input, context).ConfigureAwait(false)
            : await ExpireAsync(reservationId, clusterId, input, context.CancellationToken).ConfigureAwait(false);
        facts = (facts with { Failure = input.Failure, Complete = complete })
            .WithJobs(input.Jobs?.Lines, input.Jobs?.WaitOutcome, input.Jobs?.WaitReason, input.Jobs?.RunningJobs, input.Jobs?.CleanupProblems);
        var notificationEvent = CapacityBlockNotifications.ReportEvent(input.Failure, complete, facts.Findings ?? []);
        var outcome = notificationEvent == NotificationEvents.Succeeded ? "succeeded" : "needs-operator";
        var log = $"{facts.Mode} {reservationId} on cluster {clusterId}: {outcome}, complete {complete}" +
            (input.Failure is { } failure ? $", failed with {failure.Error}: {failure.Cause}" : "");
        if (outcome == "succeeded")
            context.Logger.LogInformation(log);
        else
            context.Logger.LogWarning(log);
        return new ReportCapacityBlockExpiryResult(notificationEvent, outcome, complete, facts);
    }

    private async Task<(bool Complete, CapacityBlockNotificationFacts Facts)> ExpireAsync(
        string reservationId, string clusterId, ReportCapacityBlockExpiryInput input, CancellationToken cancellation)
    {
        var reading = await planning.ExpireAsync(reservationId, input.NodeGroupIds, cancellation).ConfigureAwait(false);
        var cluster = reading.Facts.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var parked = reading.Parked.Where(p => p.ClusterId == clusterId && p.ReservationId == reservationId).Select(p => p.SavedScaling).ToList();
        if (reading.Plan is not { } plan)
            return (true, new CapacityBlockNotificationFacts(
                CapacityBlockNotifications.ExpireMode, reservationId, reading.Block?.EndDate, Groups: input.Cluster?.Groups, Parked: parked,
                Queues: ClusterWorks.QueueFacts(cluster, input.Cluster?.QueueEdits ?? [], cluster?.Queues)));
        var part = plan.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var complete = part?.IsComplete() ?? true;
        return (complete, ClusterWorks.Facts(
            plan, CapacityBlockNotifications.ExpireMode, clusterId, cluster, part?.Groups ?? input.Cluster?.Groups ?? [], [], input.Cluster?.QueueEdits ?? [],
            cluster?.Queues ?? [], parked, complete));
    }

    private async Task<(bool Complete, CapacityBlockNotificationFacts Facts)> RestoreAsync(
        string reservationId, string clusterId, ReportCapacityBlockExpiryInput input, ILambdaContext context)
    {
        var cancellation = context.CancellationToken;
        var reading = await planning.RestoreAsync(reservationId, cancellation).ConfigureAwait(false);
        var cluster = reading.Facts.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var restores = reading.Restore?.Groups.Where(g => g.ClusterId == clusterId).ToList() ?? [];
        var forget = (reading.Restore?.Forget ?? [])
            .Where(r => r.ClusterId == clusterId)
            .Where(r => restores.FirstOrDefault(g => g.NodeGroupId == r.NodeGroupId) is not { } restore || restore.Remaining.Count == 0)
            .ToList();
        foreach (var record in forget)
        {
            await planning.ForgetAsync(record, cancellation).ConfigureAwait(false);
            context.Logger.LogInformation($"Restored, parked record forgotten: {ClusterLeaseTable.Describe(record)}");
        }
        var findings = reading.Restore?.Findings.Where(f => f.ClusterId is null || f.ClusterId == clusterId).ToList() ?? [];
        var complete = reading.Restore is not null && restores.All(r => r.Remaining.Count == 0);
        var left = reading.Parked.Where(p => p.ClusterId == clusterId && !forget.Contains(p)).Select(p => p.SavedScaling).ToList();
        return (complete, new CapacityBlockNotificationFacts(
            CapacityBlockNotifications.RestoreMode, reservationId, reading.Block?.EndDate, null, null, null, restores,
            ClusterWorks.QueueFacts(cluster, input.Cluster?.QueueEdits ?? [], cluster?.Queues ?? []), findings, left));
    }
}
