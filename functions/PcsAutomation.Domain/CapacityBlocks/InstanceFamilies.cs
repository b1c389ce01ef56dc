namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// The instance families PCS supports on Capacity Blocks: P6-B300, P6-B200, P5en, P5e, P5 and P4d (guide L3413). The
/// family is what precedes the first '.' of an instance type (<c>p5.48xlarge</c> → <c>p5</c>), compared in any case:
/// <c>p4de</c> or <c>p5e-x</c> are other families and are not supported.
/// </summary>
public static class InstanceFamilies
{
    public static IReadOnlyList<string> Supported { get; } = ["p6-b300", "p6-b200", "p5en", "p5e", "p5", "p4d"];

    /// <summary>The family of <paramref name="instanceType"/> in lower case ("" for an empty type).</summary>
    public static string FamilyOf(string? instanceType)
    {
        var type = instanceType ?? "";
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? type : type[..dot]).ToLowerInvariant();
    }

    public static bool IsSupported(string? instanceType) => Supported.Contains(FamilyOf(instanceType), StringComparer.Ordinal);
}
