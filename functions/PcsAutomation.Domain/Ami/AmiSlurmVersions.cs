using System.Text.RegularExpressions;

namespace PcsAutomation.Domain.Ami;

/// <summary>The Slurm versions an image declares, where they were read, or why none could be.</summary>
/// <param name="Versions">Distinct, ascending; empty when none were declared or the declaration is malformed.</param>
/// <param name="Source">"tag pcs-automation:slurm-versions", "description", "name" (sample AMIs), or null when none.</param>
/// <param name="Problem">Why the declaration could not be read (names the tag and quotes its value), else null.</param>
public sealed record DeclaredSlurmVersions(IReadOnlyList<SlurmVersion> Versions, string? Source, string? Problem)
{
    public bool Holds(SlurmVersion version) => Versions.Contains(version);
}

/// <summary>
/// Which Slurm versions a custom AMI holds: one AMI may hold several, the PCS agent activating the cluster's at boot
/// (guide L5776-5778). Read from the tag <c>pcs-automation:slurm-versions</c> (<c>25.05,25.11</c>), else from the
/// Description (<c>… Slurm 25.05, 25.11 …</c>); the tag wins, and a malformed tag is a problem, not a fallback.
/// </summary>
public static partial class AmiSlurmVersions
{
    public const string TagKey = "pcs-automation:slurm-versions";

    public static DeclaredSlurmVersions Read(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Tags.TryGetValue(TagKey, out var tag))
            return FromTag(tag);
        return FromDescription(image.Description);
    }

    /// <summary>Comma-separated <c>yy.mm</c> values, spaces around them allowed; empty items or any other text refused.</summary>
    public static DeclaredSlurmVersions FromTag(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var versions = new List<SlurmVersion>();
        foreach (var item in value.Split(','))
        {
            if (!SlurmVersion.TryParse(item.Trim(), out var version))
                return new DeclaredSlurmVersions([], $"tag {TagKey}", $"tag {TagKey} '{value}' is not a comma-separated list of Slurm versions such as 25.05,25.11");
            versions.Add(version);
        }
        return new DeclaredSlurmVersions([.. versions.Distinct().Order()], $"tag {TagKey}", null);
    }

    /// <summary>
    /// The <c>yy.mm</c> versions following the word "Slurm" (any case), separated by commas, "and", "&amp;" or "/":
    /// "team image, Slurm 25.11", "Slurm 25.05 and 25.11", "AWS PCS sample AMI for Slurm 25.11 (…)".
    /// </summary>
    public static DeclaredSlurmVersions FromDescription(string? description)
    {
        if (string.IsNullOrEmpty(description))
            return new DeclaredSlurmVersions([], null, null);
        var versions = new List<SlurmVersion>();
        foreach (Match list in SlurmList().Matches(description))
        {
            foreach (Match item in Version().Matches(list.Groups["list"].Value))
            {
                if (SlurmVersion.TryParse(item.Value, out var version))
                    versions.Add(version);
            }
        }
        return versions.Count == 0
            ? new DeclaredSlurmVersions([], null, null)
            : new DeclaredSlurmVersions([.. versions.Distinct().Order()], "description", null);
    }

    /// <summary>A sample AMI's one version, from its name (guide L5537-5545).</summary>
    public static DeclaredSlurmVersions FromSampleName(SlurmVersion version) => new([version], "name", null);

    [GeneratedRegex(@"\bslurm[\s_-]*(?<list>\d{2}\.\d{2}(?:\s*(?:,|and|&|/)\s*\d{2}\.\d{2})*)(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlurmList();

    [GeneratedRegex(@"\d{2}\.\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
