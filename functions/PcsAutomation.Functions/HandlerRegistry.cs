using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Diagnostics;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.JobProtection;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Rotation;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions;

/// <summary>The handlers this bootstrap serves, by the name a function's <c>Handler</c> (<c>_HANDLER</c>) gives.</summary>
public static class HandlerRegistry
{
    // One line per handler: the template's Handler value and how to build it from the process's services.
    private static readonly Dictionary<string, Func<FunctionServices, LambdaHandler>> Factories = new(StringComparer.Ordinal)
    {
        ["Diagnostics"] = DiagnosticsHandler.Create,
        ["PlanRotation"] = PlanRotationHandler.Create,
        ["AcquireClusterLease"] = AcquireClusterLeaseHandler.Create,
        ["ScaleNodeGroupsToZero"] = ScaleNodeGroupsToZeroHandler.Create,
        ["CheckClusterDrained"] = CheckClusterDrainedHandler.Create,
        ["RestoreNodeGroups"] = RestoreNodeGroupsHandler.Create,
        ["CheckNodeGroupsRestored"] = CheckNodeGroupsRestoredHandler.Create,
        ["ReleaseClusterLease"] = ReleaseClusterLeaseHandler.Create,
        ["PrepareNotification"] = PrepareNotificationHandler.Create,
        ["RotateClusterSecret"] = RotateClusterSecretHandler.Create,
        ["CheckSecretRotation"] = CheckSecretRotationHandler.Create,
        ["RotationEventRouter"] = RotationEventRouterHandler.Create,
        ["RefreshLoginNodes"] = RefreshLoginNodesHandler.Create,
        ["CheckLoginNodes"] = CheckLoginNodesHandler.Create,
        ["RotationReconciler"] = RotationReconcilerHandler.Create,
        ["PlanNodeGroupUpdate"] = PlanNodeGroupUpdateHandler.Create,
        ["UpdateNodeGroup"] = UpdateNodeGroupHandler.Create,
        ["CheckNodeGroupUpdated"] = CheckNodeGroupUpdatedHandler.Create,
        ["RollbackNodeGroups"] = RollbackNodeGroupsHandler.Create,
        ["AmiLookupCustomResource"] = AmiLookupCustomResourceHandler.Create,
        ["AmiUpdateReconciler"] = AmiUpdateReconcilerHandler.Create,
        ["NodeGroupAmiAudit"] = NodeGroupAmiAuditHandler.Create,
        ["PlanCapacityBlockExpiry"] = PlanCapacityBlockExpiryHandler.Create,
        ["ExpiryLeaseWait"] = ExpiryLeaseWaitHandler.Create,
        ["SwitchLaunchTemplates"] = SwitchLaunchTemplatesHandler.Create,
        ["UpdateExpiryQueue"] = UpdateExpiryQueueHandler.Create,
        ["ParkNodeGroups"] = ParkNodeGroupsHandler.Create,
        ["RestoreParkedNodeGroups"] = RestoreParkedNodeGroupsHandler.Create,
        ["CheckCapacityBlockExpiry"] = CheckCapacityBlockExpiryHandler.Create,
        ["ReportCapacityBlockExpiry"] = ReportCapacityBlockExpiryHandler.Create,
        ["CapacityBlockReconciler"] = CapacityBlockReconcilerHandler.Create,
        ["CapacityBlockEventRouter"] = CapacityBlockEventRouterHandler.Create,
        ["PlanJobProtection"] = PlanJobProtectionHandler.Create,
        ["WaitForRunningJobs"] = WaitForRunningJobsHandler.Create,
        ["ReleaseJobProtection"] = ReleaseJobProtectionHandler.Create,
        ["DrainCanaryNodes"] = DrainCanaryNodesHandler.Create,
        ["ResumeCanaryNodes"] = ResumeCanaryNodesHandler.Create,
    };

    /// <summary>Every handler name; template checks assert each function's <c>Handler</c> is one of these.</summary>
    public static IReadOnlyCollection<string> Names { get; } = [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Builds the handler named <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public static LambdaHandler Create(string? name, FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Factories.TryGetValue(name ?? "", out var factory)
            ? factory(services)
            : throw UnknownHandler(name);
    }

    /// <summary>Fails fast, before any other initialization, when <paramref name="name"/> is not served here.</summary>
    public static void EnsureKnown(string? name)
    {
        if (!Factories.ContainsKey(name ?? ""))
            throw UnknownHandler(name);
    }

    private static UnknownHandlerException UnknownHandler(string? name) =>
        new($"_HANDLER is '{name}', which this bootstrap does not serve. Known handlers: {string.Join(", ", Names)}.");
}
