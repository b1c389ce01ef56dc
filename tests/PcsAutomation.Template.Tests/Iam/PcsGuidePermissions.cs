namespace PcsAutomation.Template.Tests.Iam;

/// <summary>
/// What the PCS user guide (<c>../shared/seed/aws-pcs-user-guide.fr.txt</c>) asks of the identity that calls
/// <c>UpdateComputeNodeGroup</c>, and the guide's own text to check these lists against.
/// </summary>
public static class PcsGuidePermissions
{
    /// <summary>
    /// guide L9017-9022: UpdateComputeNodeGroup needs the EC2 list of CreateComputeNodeGroup (the seed lost the table's
    /// cells; ../shared/seed/pcs-digest.md §9.2 gives them, and the administrator policy L9081-9105 holds the same
    /// actions), L11419 for DescribeInstanceTypeOfferings, plus the three Capacity Block actions (L9048-9058).
    /// </summary>
    public static readonly IReadOnlySet<string> UpdateComputeNodeGroupEc2 = new SortedSet<string>(StringComparer.Ordinal)
    {
        "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeLaunchTemplates",
        "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeInstanceTypes", "ec2:DescribeInstanceTypeOfferings",
        "ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateTags",
        "ec2:DescribeCapacityReservations", "ec2:DescribeCapacityBlocks", "ec2:DescribeCapacityBlockStatus",
    };

    /// <summary>guide L9048-9058: creating or updating a compute node group on a Capacity Block.</summary>
    public static readonly IReadOnlySet<string> CapacityBlocks = new SortedSet<string>(StringComparer.Ordinal)
    {
        "ec2:DescribeCapacityReservations", "ec2:DescribeCapacityBlocks", "ec2:DescribeCapacityBlockStatus",
    };

    /// <summary>guide L9017-9022, L9108-9134, L9521: the IAM part of the same minimum.</summary>
    public static readonly IReadOnlySet<string> UpdateComputeNodeGroupIam = new SortedSet<string>(StringComparer.Ordinal)
    {
        "iam:PassRole", "iam:GetInstanceProfile",
    };

    /// <summary>The guide, one entry per line (index 0 is line 1).</summary>
    public static IReadOnlyList<string> GuideLines { get; } = File.ReadAllLines(Path.Combine(RepoPaths.Shared, "seed", "aws-pcs-user-guide.fr.txt"));

    /// <summary>The text of the section whose heading line is <paramref name="heading"/>, up to the next <c>## </c> heading.</summary>
    public static IReadOnlyList<string> Section(string heading)
    {
        var start = GuideLines.ToList().FindIndex(l => l.Trim() == heading);
        if (start < 0)
            throw new InvalidOperationException("The guide has no heading: " + heading);
        return [.. GuideLines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))];
    }

    /// <summary>The <c>service:Action</c> words of <paramref name="lines"/> (quoted or listed, commas and quotes stripped).</summary>
    public static IReadOnlySet<string> Actions(IEnumerable<string> lines, string service) =>
        lines.SelectMany(l => l.Split([' ', ',', '"', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.StartsWith(service + ":", StringComparison.Ordinal) && w.Length > service.Length + 1 && char.IsUpper(w[service.Length + 1]))
            .ToHashSet(StringComparer.Ordinal);
}
