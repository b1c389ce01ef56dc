using System.Text.Json;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>An execution of one block and end date, <see cref="Mode"/> expire or restore: started by this run (<see cref="ExecutionArn"/>), or found started.</summary>
internal sealed record BlockExecution(string ReservationId, DateTimeOffset EndDate, string Mode, string ExecutionName, string? ExecutionArn, IReadOnlyList<string>? NodeGroupIds = null);

/// <summary>
/// What one reconciler run did: how many reservations EC2 listed, whether the clusters had to be read (only when a block
/// due has no execution yet), the executions started and those found started (expiries and restores), every reservation
/// left alone with why, the starts that failed (the next run tries again) and the clusters left out of the usage map with why.
/// </summary>
internal sealed record CapacityBlockReconcilerOutput(
    int Reservations,
    bool ClustersRead,
    IReadOnlyList<BlockExecution> Started,
    IReadOnlyList<BlockExecution> AlreadyStarted,
    IReadOnlyList<ReservationSkip> Skipped,
    IReadOnlyList<ReservationSkip> Failed,
    IReadOnlyList<ReconcilerSkip> ClustersLeftOut);

/// <summary>
/// <c>CapacityBlockReconciler</c> (scheduled, every 15 minutes by default): the expiry's trigger that never misses, since
/// EC2's events are best effort (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html). It
/// reads every Capacity Reservation, and for each Capacity Block ending within the horizon and used by a node group of a
/// managed cluster starts the expiry once (<see cref="ExpiryReconciler"/>: the name comes from the reservation id and its
/// end date, so an extension gives a new execution). The clusters are read only when a block due has no execution yet:
/// a steady run costs the reservation reads, one DescribeExecution per block due and a scan of the parked records. It also
/// restores parked groups without an event (<see cref="RestoreReconciler"/>: an extension sends none, a delivery's may be
/// lost), reading only the parked groups' clusters. One block's failed start never stops the others: it is listed in
/// <c>failed</c> and the next run tries again.
/// </summary>
[LambdaFunction(
    Timeout = 300,
    Environment = [EnvironmentVariables.CapacityBlockExpiryStateMachineArn],
    Policies = "@CapacityFactsReadPolicy, ParkedNodeGroups, StartExpiriesAndRestores, FindExpiries")]
internal sealed class CapacityBlockReconcilerHandler(
    CapacityFactsReader reader, ClusterLeaseTable leases, CapacityBlockStarts starts, AutomationDefaults defaults, CapacityBlockExpiryOptions options, TimeProvider time)
{
    /// <summary>The <c>trigger</c> the schedule's executions carry.</summary>
    public const string Trigger = "schedule";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Read at init: a bad stack parameter or a missing ARN stops the function with one clear line instead of failing every run.
        var handler = new CapacityBlockReconcilerHandler(CapacityFactsReader.Create(services), ClusterLeaseTable.Create(services), CapacityBlockStarts.Create(services, "CapacityBlockReconciler"),
            AutomationDefaults.FromEnvironment(services.GetVariable), CapacityBlockSettings.FromEnvironment(services.GetVariable), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, LambdaEventsJsonContext.Strict.CloudWatchEventJsonElement, CapacityBlockTriggersJsonContext.Strict.CapacityBlockReconcilerOutput);
    }

    public async Task<CapacityBlockReconcilerOutput> HandleAsync(CloudWatchEvent<JsonElement> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.CancellationToken;
        var now = time.GetUtcNow();
        var reservations = await reader.ReadReservationsAsync(cancellation).ConfigureAwait(false);

        // The blocks due whose execution exists need nothing more; only the others need the clusters read.
        var alreadyStarted = new List<BlockExecution>();
        foreach (var candidate in ExpiryReconciler.Candidates(reservations, now, options))
        {
            var end = candidate.EndDate!.Value;
            var name = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, candidate.ReservationId, end);
            if (await ExistsAsync(name, context).ConfigureAwait(false))
                alreadyStarted.Add(new BlockExecution(candidate.ReservationId, end, ExpiryModes.Expire, name, null));
        }
        var started = alreadyStarted.Select(s => s.ReservationId).ToHashSet(StringComparer.Ordinal);
        var remaining = reservations.Where(r => !started.Contains(r.ReservationId)).ToList();
        var clustersRead = ExpiryReconciler.Candidates(remaining, now, options).Count > 0;
        var (usage, leftOut) = clustersRead
            ? await ManagedUsage.ReadAsync(reader, reservations, defaults, context).ConfigureAwait(false)
            : (ManagedUsage.None, []);

        var decision = ExpiryReconciler.Decide(remaining, usage, now, options);
        var (startedNow, failed) = (new List<BlockExecution>(), new List<ReservationSkip>());
        foreach (var start in decision.Start)
        {
            var execution = new BlockExecution(start.ReservationId, start.EndDate, ExpiryModes.Expire, start.ExecutionName, null, start.NodeGroupIds);
            await StartAsync(execution, usage.FindingsOf(start.ReservationId), startedNow, alreadyStarted, failed, context).ConfigureAwait(false);
        }
        foreach (var restore in await RestoresAsync(reservations, failed, context).ConfigureAwait(false))
            await StartRestoreAsync(restore, startedNow, alreadyStarted, failed, context).ConfigureAwait(false);
        foreach (var skip in decision.Skipped)
            context.Logger.LogInformation($"Capacity Reservation {skip.ReservationId}: no expiry started: {skip.Reason}");
        foreach (var found in alreadyStarted)
            context.Logger.LogInformation($"Capacity Block {found.ReservationId} ending {CapacityBlockExecutionInput.Instant(found.EndDate)}: {found.Mode} {found.ExecutionName} already started");

        context.Logger.LogInformation(
            $"Reconciled {reservations.Count} Capacity Reservation(s){(clustersRead ? "" : " without reading the clusters")}: {startedNow.Count} execution(s) started, " +
            $"{alreadyStarted.Count} already started, {decision.Skipped.Count} skipped, {failed.Count} failed");
        return new CapacityBlockReconcilerOutput(reservations.Count, clustersRead, startedNow, alreadyStarted, decision.Skipped, failed, leftOut);
    }

    /// <summary>The restores due: none without a parked record; else the parked groups' clusters are read for <see cref="RestoreReconciler"/>.</summary>
    /// <remarks>A failed read fails the restores of this run only (listed in <c>failed</c>), never the expiries.</remarks>
    private async Task<IReadOnlyList<RestoreStart>> RestoresAsync(IReadOnlyList<CapacityReservationFacts> reservations, List<ReservationSkip> failed, ILambdaContext context)
    {
        try
        {
            var parked = await leases.ListParkedAsync(context.CancellationToken).ConfigureAwait(false);
            if (parked.Count == 0)
                return [];
            var clusterIds = parked.Select(p => p.ClusterId).Distinct(StringComparer.Ordinal).ToList();
            var (clusters, _, templates) = await reader.ReadClustersAsync(clusterIds, context.CancellationToken).ConfigureAwait(false);
            return RestoreReconciler.Decide(reservations, parked, clusters, templates);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
        {
            var code = e is Amazon.Runtime.AmazonServiceException service ? service.ErrorCode : e.Message;
            context.Logger.LogWarning($"Parked node groups not checked for a restore: AWS error {code}; the next run tries again");
            failed.Add(new ReservationSkip("(parked node groups)", $"restore check failed: {code}"));
            return [];
        }
    }

    /// <summary>
    /// Starts the restore's first attempt, or, when an attempt's name is taken by an execution that failed while the groups
    /// are still parked, the next one (<see cref="RestoreAttempts"/>); after the last, the groups stay parked and the run
    /// lists the restore as failed, needing an operator.
    /// </summary>
    private async Task StartRestoreAsync(
        RestoreStart restore, List<BlockExecution> started, List<BlockExecution> alreadyStarted, List<ReservationSkip> failed, ILambdaContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            var name = ExecutionNames.RestoreForCapacityBlock(WorkflowKind.CapacityBlockExpiry, restore.ReservationId, restore.EndDate, attempt);
            var execution = new BlockExecution(restore.ReservationId, restore.EndDate, ExpiryModes.Restore, name, null, restore.NodeGroupIds);
            var found = new List<BlockExecution>();
            await StartAsync(execution, [], started, found, failed, context).ConfigureAwait(false);
            if (found.Count == 0)
                return; // started now, or the start failed (listed)
            string? status;
            try
            {
                status = await starts.StatusAsync(name, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
            {
                context.Logger.LogWarning($"DescribeExecution of {name} failed ({e.GetType().Name}): whether the restore must be tried again is known next run");
                alreadyStarted.Add(execution);
                return;
            }
            switch (RestoreAttempts.Decide(attempt, status ?? "RUNNING"))
            {
                case RestoreAttemptVerdict.Started:
                    alreadyStarted.Add(execution);
                    return;
                case RestoreAttemptVerdict.NeedsOperator:
                    context.Logger.LogError(
                        $"Restore of the node group(s) {string.Join(", ", restore.NodeGroupIds)} parked for Capacity Block {restore.ReservationId}: attempt {attempt} ({name}) ended {status}, " +
                        $"the last of {RestoreAttempts.Max}; they stay parked at 0/0 until an operator restores them (docs/runbooks/capacity-block-expiry.md)");
                    failed.Add(new ReservationSkip(restore.ReservationId, $"restore failed {attempt} times (last {name}: {status}): needs operator"));
                    return;
                default:
                    context.Logger.LogWarning($"Restore {name} of Capacity Block {restore.ReservationId} ended {status}: attempt {attempt + 1} of {RestoreAttempts.Max}");
                    break;
            }
        }
    }

    private async Task StartAsync(
        BlockExecution execution, IReadOnlyList<CapacityFinding> findings, List<BlockExecution> started, List<BlockExecution> alreadyStarted, List<ReservationSkip> failed, ILambdaContext context)
    {
        using var scope = context.Logger.BeginScope("reservationId", execution.ReservationId);
        try
        {
            var arn = await starts.StartAsync(execution.ExecutionName, execution.ReservationId, execution.EndDate, execution.Mode, Trigger, context.CancellationToken).ConfigureAwait(false);
            if (arn is null)
            {
                alreadyStarted.Add(execution);
                return;
            }
            started.Add(execution with { ExecutionArn = arn });
            context.Logger.LogInformation(
                $"{execution.Mode} of Capacity Block {execution.ReservationId} ending {CapacityBlockExecutionInput.Instant(execution.EndDate)} started as {execution.ExecutionName}: " +
                $"node group(s) {string.Join(", ", execution.NodeGroupIds ?? [])}");
            foreach (var finding in findings)
                context.Logger.LogWarning($"Capacity Block {execution.ReservationId}: {finding.Message}");
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
        {
            var code = e is Amazon.Runtime.AmazonServiceException service ? service.ErrorCode : e.Message;
            context.Logger.LogWarning($"{execution.Mode} of Capacity Block {execution.ReservationId} not started ({execution.ExecutionName}): AWS error {code}; the next run tries again");
            failed.Add(new ReservationSkip(execution.ReservationId, $"StartExecution {execution.ExecutionName} failed: {code}"));
        }
    }

    /// <summary>Whether the execution exists; an error reading it counts as "not known to exist", so the clusters are read and the start decides.</summary>
    private async Task<bool> ExistsAsync(string name, ILambdaContext context)
    {
        try
        {
            return await starts.ExistsAsync(name, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
        {
            context.Logger.LogWarning($"DescribeExecution of {name} failed ({e.GetType().Name}): the clusters are read and the start decides");
            return false;
        }
    }
}
