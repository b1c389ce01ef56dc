using System.Text.Json;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// What the router did with one event: <c>rejected</c> (not a Capacity Block event of this account and Region, or a
/// reservation EC2 does not know here), <c>ignored</c> (ours, nothing to do), <c>catch-up</c> or <c>restore</c> (the
/// execution named, <see cref="Started"/> true when this event started it, false when it existed already); and why.
/// </summary>
internal sealed record CapacityBlockEventRouterOutput(string Action, string Reason, string? ReservationId = null, string? ExecutionName = null, bool? Started = null);

/// <summary>
/// <c>CapacityBlockEventRouter</c>: the target of the EventBridge rule on EC2's Capacity Block events (both spellings of
/// delivered and expiration warning, and the instance interruption warning: capacity-blocks-monitor.html). Events
/// confirm or catch up, they are never the only trigger (best effort; the reconciler runs every 15 minutes): a warning
/// or an interruption starts the expiry the reconciler would have started, under the same name from EC2's end date
/// (a duplicate or late event finds it started: a no-op); a delivery restores the groups parked for that block or
/// waiting for it (<see cref="CapacityBlockEventPolicy"/>). An event of another account or Region, or about a
/// reservation EC2 does not know here, is logged and changes nothing. Reads go no further than the decision needs:
/// the clusters only when a catch-up's execution does not exist yet.
/// </summary>
[LambdaFunction(
    Timeout = 300,
    Environment = [EnvironmentVariables.CapacityBlockExpiryStateMachineArn],
    Policies = "@CapacityFactsReadPolicy, ParkedNodeGroups, StartExpiriesAndRestores, FindExpiries")]
internal sealed class CapacityBlockEventRouterHandler(
    CapacityFactsReader reader, ClusterReader instances, ClusterLeaseTable leases, CapacityBlockStarts starts, AutomationDefaults defaults, string ownRegion)
{
    public const string Rejected = "rejected";
    public const string Ignored = "ignored";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CapacityBlockEventRouterHandler(CapacityFactsReader.Create(services), ClusterReader.Create(services), ClusterLeaseTable.Create(services),
            CapacityBlockStarts.Create(services, "CapacityBlockEventRouter"), AutomationDefaults.FromEnvironment(services.GetVariable),
            FunctionRegion.Require(services, "CapacityBlockEventRouter"));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockTriggersJsonContext.Strict.JsonElement, CapacityBlockTriggersJsonContext.Strict.CapacityBlockEventRouterOutput);
    }

    public async Task<CapacityBlockEventRouterOutput> HandleAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ownAccount = CloudTrailOrigin.AccountOfFunctionArn(context.InvokedFunctionArn)
            ?? throw new InvalidOperationException($"The invoked function ARN '{context.InvokedFunctionArn}' names no account: events cannot be checked against it.");
        // First, before reading anything: an event that is not ours is refused as it came.
        var parse = CapacityBlockEventParser.Parse(input, ownAccount, ownRegion);
        if (parse.Event is not { } capacityEvent)
            return Reject(context, $"event {EventId(input)} rejected, nothing read or changed: {parse.Rejection}", null);
        using var scope = context.Logger.BeginScope("eventId", capacityEvent.EventId ?? "(none)");
        var cancellation = context.CancellationToken;

        var reservationId = capacityEvent.ReservationId;
        if (capacityEvent.Kind == CapacityBlockEventKinds.InterruptionWarning)
        {
            // guide/EC2: the interruption warning names the instance; EC2 says which reservation it runs in.
            var running = await RunningInAsync(capacityEvent.InstanceId!, cancellation).ConfigureAwait(false);
            if (running is not null && reservationId is not null && running != reservationId)
                return Reject(context, $"{capacityEvent.DetailType} names {reservationId} but instance {capacityEvent.InstanceId} runs in {running}: nothing changed", reservationId);
            reservationId = running ?? reservationId;
        }
        var reservation = reservationId is null ? null : await reader.ReadReservationAsync(reservationId, cancellation).ConfigureAwait(false);
        var decision = await DecideAsync(capacityEvent, reservation, context).ConfigureAwait(false);
        return decision.Action switch
        {
            EventActions.Reject => Reject(context, $"{capacityEvent.DetailType} rejected, nothing changed: {decision.Reason}", decision.ReservationId),
            EventActions.Ignore => Done(context, Ignored, decision.Reason, decision.ReservationId),
            _ => await StartAsync(capacityEvent, decision, context).ConfigureAwait(false),
        };
    }

    /// <summary>The policy's decision, reading only what it needs: the parked records for a delivery, the usage map for a catch-up whose execution does not exist yet.</summary>
    private async Task<CapacityBlockEventDecision> DecideAsync(CapacityBlockEvent capacityEvent, CapacityReservationFacts? reservation, ILambdaContext context)
    {
        if (reservation is null)
            return CapacityBlockEventPolicy.Decide(capacityEvent, null, inUse: false, parkedForIt: false);
        if (capacityEvent.Kind == CapacityBlockEventKinds.Delivered)
        {
            var parkedForIt = await ParkedForAsync(reservation, context.CancellationToken).ConfigureAwait(false);
            return CapacityBlockEventPolicy.Decide(capacityEvent, reservation, inUse: false, parkedForIt);
        }
        var ifUsed = CapacityBlockEventPolicy.Decide(capacityEvent, reservation, inUse: true, parkedForIt: false);
        if (ifUsed.Action != EventActions.CatchUp || await starts.ExistsAsync(ifUsed.ExecutionName!, context.CancellationToken).ConfigureAwait(false))
            return ifUsed;
        var (usage, _) = await ManagedUsage.ReadAsync(reader, [reservation], defaults, context).ConfigureAwait(false);
        var inUse = usage.GroupsOf(reservation.ReservationId).Any(g => g.Kind == UsageKinds.CapacityBlock);
        return CapacityBlockEventPolicy.Decide(capacityEvent, reservation, inUse, parkedForIt: false);
    }

    /// <summary>
    /// Whether groups wait for <paramref name="reservation"/>: parked records naming it as their block or successor, or a
    /// parked group the restore would put on it (its template retargeted there: <see cref="ParkedRestore"/>, on the
    /// parked groups' clusters only). No record, no cluster read.
    /// </summary>
    private async Task<bool> ParkedForAsync(CapacityReservationFacts reservation, CancellationToken cancellation)
    {
        var parked = await leases.ListParkedAsync(cancellation).ConfigureAwait(false);
        if (parked.Count == 0)
            return false;
        if (parked.Any(p => p.ReservationId == reservation.ReservationId || p.SuccessorReservationId == reservation.ReservationId))
            return true;
        var (clusters, _, templates) = await reader.ReadClustersAsync([.. parked.Select(p => p.ClusterId).Distinct(StringComparer.Ordinal)], cancellation).ConfigureAwait(false);
        return ParkedRestore.Decide(reservation, parked, clusters, templates).Groups.Count > 0;
    }

    private async Task<CapacityBlockEventRouterOutput> StartAsync(CapacityBlockEvent capacityEvent, CapacityBlockEventDecision decision, ILambdaContext context)
    {
        var reservationId = decision.ReservationId!;
        if (decision.EndDate is not { } end)
            return Done(context, Ignored, $"{decision.Reason}; but EC2 gives block {reservationId} no end date: nothing to start", reservationId);
        var (name, mode) = decision.Action == EventActions.Restore
            ? (ExecutionNames.RestoreForCapacityBlock(WorkflowKind.CapacityBlockExpiry, reservationId, end), ExpiryModes.Restore)
            : (decision.ExecutionName!, ExpiryModes.Expire);
        var arn = await starts.StartAsync(name, reservationId, end, mode, capacityEvent.DetailType, context.CancellationToken).ConfigureAwait(false);
        var reason = arn is null
            ? $"{decision.Reason}: {name} was started already (a duplicate or late event, or the reconciler): nothing more to do"
            : $"{decision.Reason}: started {name}";
        context.Logger.LogInformation(reason);
        return new CapacityBlockEventRouterOutput(decision.Action, reason, reservationId, name, arn is not null);
    }

    /// <summary>The reservation the instance runs in (DescribeInstances, filter instance-id); null when EC2 does not know the instance or it runs in none.</summary>
    private async Task<string?> RunningInAsync(string instanceId, CancellationToken cancellation)
    {
        var found = await instances.DescribeAsync(instanceId, [new Amazon.EC2.Model.Filter("instance-id", [instanceId])], cancellation).ConfigureAwait(false);
        return found.Select(i => i.CapacityReservationId).FirstOrDefault(r => !string.IsNullOrEmpty(r));
    }

    private static string EventId(JsonElement input) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "(no id)";

    private static CapacityBlockEventRouterOutput Reject(ILambdaContext context, string reason, string? reservationId)
    {
        context.Logger.LogWarning(reason);
        return new CapacityBlockEventRouterOutput(Rejected, reason, reservationId);
    }

    private static CapacityBlockEventRouterOutput Done(ILambdaContext context, string action, string reason, string? reservationId)
    {
        context.Logger.LogInformation($"Event {action}: {reason}");
        return new CapacityBlockEventRouterOutput(action, reason, reservationId);
    }
}
