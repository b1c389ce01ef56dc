namespace PcsAutomation.Domain.Ami;

/// <summary>
/// The architectures PCS nodes run: <c>x86_64</c> and <c>arm64</c> (guide L6008; the sample AMI names L5537-5545 spell
/// them so, and the CloudFormation mapping <c>AmiArchParameter</c> gives <c>x86: x86_64</c>, <c>Graviton: arm64</c>,
/// L1560-1562). The same words as EC2's image <c>Architecture</c> and <c>ProcessorInfo.SupportedArchitectures</c>.
/// </summary>
public static class CpuArchitectures
{
    public const string X8664 = "x86_64";
    public const string Arm64 = "arm64";

    public static readonly IReadOnlyList<string> All = [X8664, Arm64];

    /// <summary>The architecture as given when it is one of <see cref="All"/>, else an <see cref="ArgumentException"/> naming the value.</summary>
    public static string Validate(string? architecture) =>
        architecture is X8664 or Arm64
            ? architecture
            : throw new ArgumentException($"Architecture '{architecture}' is not x86_64 or arm64 (the PCS sample AMI spellings, guide L5537-5545).", nameof(architecture));
}
