namespace PcsAutomation.Domain.Ami;

/// <summary>
/// The PCS sample AMI names, <c>aws-pcs-sample_ami-&lt;os&gt;-&lt;arch&gt;-slurm-&lt;major&gt;</c> (guide L5537-5545; the
/// guide prints the OS <c>al2023</c> as "a12023", an OCR slip: the release notes spell it <c>al2023</c>, L6129, L6240).
/// Published names (L6129-6328): <c>al2023</c> for 25.11, <c>amzn2</c> for 25.05, 24.11, 24.05 and 23.11 (L5574; L826
/// and L860: "25.05 and earlier"), each for <c>x86_64</c> and <c>arm64</c>. The guide's version table (L6441) drops the
/// OS from the 25.11 names; the naming section and the release notes keep it, and so do we.
/// </summary>
public static class SampleAmiNames
{
    public const string Prefix = "aws-pcs-sample_ami-";
    public const string Al2023 = "al2023";
    public const string Amzn2 = "amzn2";

    /// <summary>The first Slurm version whose sample AMIs run Amazon Linux 2023 (guide L5574).</summary>
    public static readonly SlurmVersion FirstAl2023 = new(25, 11);

    /// <summary><c>al2023</c> from Slurm 25.11, <c>amzn2</c> for 25.05 and older (guide L5574).</summary>
    public static string OperatingSystemFor(SlurmVersion slurm) => slurm >= FirstAl2023 ? Al2023 : Amzn2;

    /// <summary>The name without what follows the major version (published names carry a suffix: the guide filters with a trailing <c>*</c>, L5587-5597).</summary>
    public static string BaseName(string operatingSystem, string architecture, SlurmVersion slurm) =>
        $"{Prefix}{operatingSystem}-{architecture}-slurm-{slurm}";

    /// <summary>The DescribeImages name filter of the guide's lookup (L5587-5597): the base name and <c>*</c>.</summary>
    public static string NameFilter(string operatingSystem, string architecture, SlurmVersion slurm) =>
        BaseName(operatingSystem, architecture, slurm) + "*";

    /// <summary>
    /// Whether <paramref name="name"/> is the sample AMI <paramref name="baseName"/>: exactly it, or it followed by a
    /// separator (<c>-</c>, <c>_</c>, <c>.</c> then more). The filter's <c>*</c> also matches look-alikes such as
    /// <c>…-slurm-25.110</c> or <c>…-slurm-25.11x</c>, which are not that version.
    /// </summary>
    public static bool IsNamed(string? name, string baseName)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        if (name is null || !name.StartsWith(baseName, StringComparison.Ordinal))
            return false;
        return name.Length == baseName.Length || (name[baseName.Length] is '-' or '_' or '.' && name.Length > baseName.Length + 1);
    }

    /// <summary>
    /// Reads a sample AMI's name back: OS, architecture and Slurm version, when <paramref name="name"/> is a sample AMI
    /// name (<see cref="IsNamed"/> for the base it names). Null otherwise.
    /// </summary>
    public static (string OperatingSystem, string Architecture, SlurmVersion Slurm)? Parse(string? name)
    {
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        foreach (var os in new[] { Al2023, Amzn2 })
        {
            foreach (var arch in CpuArchitectures.All)
            {
                var head = $"{Prefix}{os}-{arch}-slurm-";
                if (!name.StartsWith(head, StringComparison.Ordinal) || name.Length < head.Length + 5)
                    continue;
                if (SlurmVersion.TryParse(name.Substring(head.Length, 5), out var slurm) && IsNamed(name, BaseName(os, arch, slurm)))
                    return (os, arch, slurm);
            }
        }
        return null;
    }
}
