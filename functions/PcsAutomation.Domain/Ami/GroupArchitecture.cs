namespace PcsAutomation.Domain.Ami;

/// <summary>A node group's architecture, or why it has none (<see cref="Refusal"/> names the rule and the types).</summary>
public sealed record ArchitectureDecision(string? Architecture, string? Refusal)
{
    public const string Rule = "architecture";
}

/// <summary>
/// The architecture of a node group from its instance types, as DescribeInstanceTypes' <c>ProcessorInfo.SupportedArchitectures</c>
/// gives them: every type must run the same PCS architecture (guide L2549-2550: a group's instance types share
/// architecture, vCPU and GPU counts; PCS runs <c>x86_64</c> and <c>arm64</c>, L6008).
/// </summary>
public static class GroupArchitecture
{
    /// <param name="instanceTypes">The group's instance types (its <c>instanceConfigs</c>).</param>
    /// <param name="supportedArchitectures">What DescribeInstanceTypes answered, by type; a type missing here is unknown.</param>
    public static ArchitectureDecision Decide(IReadOnlyList<string> instanceTypes, IReadOnlyDictionary<string, IReadOnlyList<string>> supportedArchitectures)
    {
        ArgumentNullException.ThrowIfNull(instanceTypes);
        ArgumentNullException.ThrowIfNull(supportedArchitectures);
        if (instanceTypes.Count == 0)
            return new ArchitectureDecision(null, "the node group lists no instance type, so it has no architecture");
        var byType = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var type in instanceTypes.Distinct(StringComparer.Ordinal))
            byType[type] = supportedArchitectures.TryGetValue(type, out var supported) ? PcsArchitecture(supported) : null;

        var unknown = byType.Where(t => t.Value is null).Select(t => t.Key).ToList();
        if (unknown.Count > 0)
            return new ArchitectureDecision(null, $"instance type {string.Join(", ", unknown)} runs neither x86_64 nor arm64, or EC2 does not know it (guide L6008)");
        var architectures = byType.Values.Distinct(StringComparer.Ordinal).ToList();
        if (architectures.Count > 1)
        {
            var mix = string.Join(", ", byType.Select(t => $"{t.Key} {t.Value}"));
            return new ArchitectureDecision(null, $"the node group mixes architectures ({mix}): one AMI cannot serve them (guide L2549-2550)");
        }
        return new ArchitectureDecision(architectures[0], null);
    }

    // EC2's values: i386 | x86_64 | arm64 | x86_64_mac | arm64_mac
    // (https://docs.aws.amazon.com/fr_fr/AWSEC2/latest/APIReference/API_ProcessorInfo.html); older x86 types list both
    // i386 and x86_64 (t2.micro, https://github.com/kubernetes/kops/pull/11463/commits); PCS runs no Mac type (L6008).
    private static string? PcsArchitecture(IReadOnlyList<string> supported) =>
        supported.Contains(CpuArchitectures.X8664) ? CpuArchitectures.X8664
        : supported.Contains(CpuArchitectures.Arm64) ? CpuArchitectures.Arm64
        : null;
}
