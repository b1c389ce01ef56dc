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
}
