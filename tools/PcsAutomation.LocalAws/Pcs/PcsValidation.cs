using System.Text.RegularExpressions;
using PcsAutomation.LocalAws.Protocol;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>Value checks that the real API performs synchronously (ValidationException), with their guide lines.</summary>
public static partial class PcsValidation
{
    /// <summary>Guide L1900: "AWS PCS currently supports Slurm 25.11, 25.05 and 24.11".</summary>
    public static readonly IReadOnlyList<string> SupportedSlurmVersions = ["24.11", "25.05", "25.11"];

    public static readonly IReadOnlyList<string> Sizes = ["SMALL", "MEDIUM", "LARGE"];

    public static readonly IReadOnlyList<string> PurchaseOptions = ["ONDEMAND", "SPOT", "CAPACITY_BLOCK", "INTERRUPTIBLE_CAPACITY_RESERVATION"];

    /// <summary>Guide L7433-7513: the cluster-level Slurm settings PCS accepts (an allow-list, L7422).</summary>
    public static readonly IReadOnlySet<string> ClusterSlurmSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AccountingStorageEnforce", "AccountingStorageTRES", "AccountingStoreFlags", "AuthAltParameters", "TrackWCKey",
        "CliFilterParameters", "CliFilterPlugins", "CommunicationParameters", "MetricsType", "DefMemPerCPU",
        "EnforcePartLimits", "FirstJobId", "JobRequeue", "LaunchParameters", "Licenses", "MinJobAge", "OverTimeLimit",
        "RequeueExit", "RequeueExitHold", "SchedulerParameters", "SelectTypeParameters", "SrunPortRange",
        "HealthCheckInterval", "HealthCheckNodeState", "HealthCheckProgram", "PreemptExemptTime", "PreemptMode",
        "PreemptParameters", "PreemptType", "FairShareDampeningFactor", "PriorityCalcPeriod", "PriorityDecayHalfLife",
        "PriorityFavorSmall", "PriorityFlags", "PriorityMaxAge", "PriorityUsageResetPeriod", "PriorityWeightAge",
        "PriorityWeightAssoc", "PriorityWeightFairshare", "PriorityWeightJobSize", "PriorityWeightPartition",
        "PriorityWeightQOS", "PriorityWeightTRES", "Epilog", "Prolog", "PrologFlags", "TaskEpilog", "TaskPluginParam",
        "TaskProlog", "UnkillableStepProgram", "UnkillableStepTimeout",
    };

    /// <summary>Guide L7515-7523.</summary>
    public static readonly IReadOnlySet<string> NodeGroupSlurmSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "CpuSpecList", "Features", "MemSpecLimit", "RealMemory", "Weight",
    };

    /// <summary>Guide L7525-7545.</summary>
    public static readonly IReadOnlySet<string> QueueSlurmSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AllowAccounts", "AllowQos", "Default", "DefaultTime", "DenyAccounts", "DenyQos", "ExclusiveUser", "GraceTime",
        "MaxTime", "OverSubscribe", "OverTimeLimit", "PowerDownOnIdle", "PreemptMode", "PriorityJobFactor",
        "PriorityTier", "QOS", "TRESBillingWeights",
    };

    /// <summary>Guide L7625-7637.</summary>
    public static readonly IReadOnlySet<string> CgroupSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AllowedRAMSpace", "AllowedSwapSpace", "ConstrainCores", "ConstrainDevices", "ConstrainRAMSpace",
        "ConstrainSwapSpace", "IgnoreSystemd", "MaxRAMPercent", "MaxSwapPercent", "MinRAMSpace", "SignalChildrenProcesses",
    };

    /// <summary>Guide L7676-7692.</summary>
    public static readonly IReadOnlySet<string> SlurmdbdSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AllowNoDefAcct", "AllResourcesAbsolute", "CommitDelay", "DefaultQOS", "MaxQueryTimeRange", "Parameters",
        "PrivateData", "PurgeEventAfter", "PurgeJobAfter", "PurgeResvAfter", "PurgeStepAfter", "PurgeSuspendAfter",
        "PurgeTXNAfter", "PurgeUsageAfter", "TrackWCKey",
    };

    /// <summary>
    /// The statuses of the model's enums (ClusterStatus, ComputeNodeGroupStatus, QueueStatus in
    /// ../shared/reference/botocore/pcs.service-2.json); only node groups have DELETED.
    /// </summary>
    public static readonly IReadOnlyList<string> ClusterStatuses =
    [
        PcsStatus.Creating, PcsStatus.Active, PcsStatus.Updating, PcsStatus.Deleting, PcsStatus.CreateFailed, PcsStatus.DeleteFailed,
        PcsStatus.UpdateFailed, PcsStatus.Suspending, PcsStatus.Suspended, PcsStatus.Resuming,
    ];

    /// <summary>ComputeNodeGroupStatus: <see cref="ClusterStatuses"/> plus DELETED.</summary>
    public static readonly IReadOnlyList<string> NodeGroupStatuses = [.. ClusterStatuses, PcsStatus.Deleted];

    /// <summary>QueueStatus: the same values as ClusterStatus.</summary>
    public static readonly IReadOnlyList<string> QueueStatuses = ClusterStatuses;

    public static void ClusterName(string value) => Name(value, "clusterName", 40);

    public static void NodeGroupName(string value) => Name(value, "computeNodeGroupName", 25);

    public static void QueueName(string value) => Name(value, "queueName", 25);

    /// <summary>Guide L1900: the Slurm versions CreateCluster accepts (also the model's documented valid values).</summary>
    public static void SlurmVersion(string? version) => OneOf(version, SupportedSlurmVersions, "scheduler.version");

    public static void Size(string? size) => OneOf(size, Sizes, "size");

    public static void PurchaseOption(string? option) => OneOf(option, PurchaseOptions, "purchaseOption");

    public static void ScaleDownIdleTime(int? seconds)
    {
        if (seconds is < 1 or > 10_000_000)
            throw PcsErrors.Validation("1 validation error detected: Value at 'slurmConfiguration.scaleDownIdleTimeInSeconds' failed to satisfy constraint: Member must have value between 1 and 10000000");
    }

    /// <summary>Guide L2550: static (min = max &gt; 0) or dynamic (min = 0); mixed groups are not supported.</summary>
    public static void Scaling(int min, int max)
    {
        if (min < 0 || max < 0) throw PcsErrors.Validation("scalingConfiguration counts must be greater than or equal to 0.");
        if (min > max) throw PcsErrors.Validation("scalingConfiguration.minInstanceCount must not exceed maxInstanceCount.");
        if (min > 0 && min != max)
            throw PcsErrors.Validation("A compute node group is either static (minInstanceCount = maxInstanceCount) or dynamic (minInstanceCount = 0).");
    }

    public static void AmiId(string? amiId)
    {
        if (amiId is not null && !AmiIdPattern().IsMatch(amiId))
            throw PcsErrors.Validation($"1 validation error detected: Value '{amiId}' at 'amiId' failed to satisfy constraint: Member must satisfy regular expression pattern: ami-[a-z0-9]+");
    }

    /// <summary>Guide L1869: cluster names are unique per Region; L2571, L3677: node group and queue names within a cluster.</summary>
    public static void NameFree(bool taken, string resourceType, string label, string name)
    {
        if (taken) throw PcsErrors.Conflict($"A {label} named {name} already exists.", resourceType, name);
    }

    /// <summary>Guide L10901: the cluster quota (a setting of the service, 5 by default).</summary>
    public static void ClusterCount(int existing, int quota)
    {
        if (existing >= quota) throw PcsErrors.Quota($"You have reached the quota of {quota} clusters.", "cluster", "L-clusters");
    }

    /// <summary>Guide L10921: 10 node groups per cluster, not adjustable.</summary>
    public static void NodeGroupCount(int existing)
    {
        if (existing >= PcsService.NodeGroupQuota)
            throw PcsErrors.Quota($"A cluster can have at most {PcsService.NodeGroupQuota} compute node groups.", "computeNodeGroup", "L-node-groups-per-cluster");
    }

    /// <summary>Guide L10922: 10 queues per cluster, not adjustable.</summary>
    public static void QueueCount(int existing)
    {
        if (existing >= PcsService.QueueQuota)
            throw PcsErrors.Quota($"A cluster can have at most {PcsService.QueueQuota} queues.", "queue", "L-queues-per-cluster");
    }

    /// <summary>
    /// Names: letter first, then letters, digits, hyphens; no <c>pcs_</c> prefix; 3 to <paramref name="maxLength"/>
    /// characters (cluster 40: guide L1869; node group and queue 25: L2536, L3660; minimum 3 from the model).
    /// </summary>
    public static void Name(string value, string member, int maxLength)
    {
        if (value.Length < 3 || value.Length > maxLength || !NamePattern().IsMatch(value))
            throw PcsErrors.Validation(
                $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: " +
                $"Member must start with a letter, contain only letters, digits and hyphens, and have length between 3 and {maxLength}");
    }

    public static void OneOf(string? value, IReadOnlyList<string> allowed, string member)
    {
        if (value is not null && !allowed.Contains(value))
            throw PcsErrors.Validation(
                $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    /// <summary>Synchronous custom-settings check (guide L7408-7418): unknown parameter names are rejected.</summary>
    public static void CustomSettings(RequestReader? slurm, string listName, IReadOnlySet<string> allowed)
    {
        foreach (var setting in slurm?.OptionalObjectList(listName) ?? [])
        {
            var name = setting.RequiredString("parameterName");
            setting.RequiredString("parameterValue");
            if (!allowed.Contains(name))
                throw PcsErrors.Validation($"The Slurm custom setting {name} in {listName} is not supported.", "other");
        }
    }

    public static void ClientToken(string? token)
    {
        if (token is not null && (token.Length < 8 || token.Length > 100))
            throw PcsErrors.Validation("1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length between 8 and 100");
    }

    [GeneratedRegex("^(?!pcs_)[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^ami-[a-z0-9]+$")]
    private static partial Regex AmiIdPattern();
}
