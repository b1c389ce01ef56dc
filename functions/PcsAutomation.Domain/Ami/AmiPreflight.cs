using System.Globalization;

namespace PcsAutomation.Domain.Ami;

/// <summary>One pre-flight finding: the rule, the guide lines that force it, and what is wrong (naming the AMI, versions, types).</summary>
public sealed record PreflightFinding(string Rule, string Guide, string Message)
{
    public override string ToString() => $"{Rule} ({Guide}): {Message}";
}

/// <summary>Refusals stop the change; warnings are reported with it.</summary>
public sealed record PreflightResult(IReadOnlyList<PreflightFinding> Refusals, IReadOnlyList<PreflightFinding> Warnings, SlurmVersion? SlurmVersionRun)
{
    public bool Passed => Refusals.Count == 0;
}

/// <summary>
/// What the pre-flight judges: the target image (as DescribeImages answered it) for one node group of a cluster.
/// </summary>
/// <param name="ClusterSlurmVersion">The cluster's <c>scheduler.version</c>.</param>
/// <param name="GroupArchitecture">From the group's instance types (<see cref="Ami.GroupArchitecture"/>).</param>
/// <param name="LaunchTemplateName">The launch template the change uses (the group's, or the target), when known.</param>
/// <param name="LaunchTemplateImageId">That template version's <c>ImageId</c>, when it has one.</param>
/// <param name="SetsGroupAmiId">The group's <c>amiId</c> is (or will be) set to <see cref="Image"/>.</param>
/// <param name="NetworkInterfaceCount">Network interfaces the launch template defines (0 or 1: the default one).</param>
/// <param name="Ipv6OnlySubnets">The group's subnets are IPv6-only; null when unknown.</param>
public sealed record PreflightInput(
    SlurmVersion ClusterSlurmVersion,
    AmiImage Image,
    ArchitectureDecision GroupArchitecture,
    string? LaunchTemplateName = null,
    string? LaunchTemplateImageId = null,
    bool SetsGroupAmiId = true,
    int NetworkInterfaceCount = 0,
    bool? Ipv6OnlySubnets = null);

/// <summary>
/// The compatibility pre-flight of an AMI change on a node group. Refused: an end-of-life or unknown cluster Slurm
/// version (L6441-6454); an AMI without the cluster's Slurm version or one at most two behind it (L6559, L5776-5778), or
/// whose version is end of life; an architecture that differs from the group's instance types (L2549-2550, L6008);
/// an image not available (L5896-5905); the managed launch template <c>pcs-&lt;id&gt;-do-not-delete</c> (L2669).
/// Warned: the group's <c>amiId</c> overrides the template's <c>ImageId</c> (L3029); sample AMIs with several network
/// interfaces fail on IPv6-only subnets (L5526-5528); sample AMIs are for demonstration only (L5522-5524); an AMI
/// running an older Slurm than the cluster's.
/// </summary>
public static class AmiPreflight
{
    public const string SlurmEndOfLife = "slurm-end-of-life";
    public const string SlurmCompatibility = "slurm-version";
    public const string Architecture = "architecture";
    public const string ImageState = "image-state";
    public const string ManagedLaunchTemplate = "managed-launch-template";
    public const string AmiOverridesTemplate = "ami-overrides-launch-template";
    public const string SampleIpv6 = "sample-ami-ipv6-only";
    public const string SampleDemonstration = "sample-ami-demonstration-only";
    public const string SlurmBehind = "slurm-version-behind";

    public static PreflightResult Check(PreflightInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var refusals = new List<PreflightFinding>();
        var warnings = new List<PreflightFinding>();
        var image = input.Image;
        var sample = image.OwnerAlias == AmiChannel.AmazonOwner ? SampleAmiNames.Parse(image.Name) : null;

        var cluster = input.ClusterSlurmVersion;
        CheckEndOfLife(cluster, $"the cluster's Slurm {cluster}", now, refusals);
        var run = CheckSlurm(input, sample, now, refusals, warnings);
        CheckArchitecture(input, refusals);
        if (image.State != AmiImage.Available)
            refusals.Add(new(ImageState, "guide L5896-5905", $"{image.ImageId} is {image.State ?? "in an unknown state"}, not available"));
        else if (image.IsDeprecatedAt(now))
            warnings.Add(new(ImageState, "EC2 DeprecationTime", $"{image.ImageId} is deprecated since {Iso(image.DeprecationTime!.Value)}"));
        if (input.LaunchTemplateName is { } template && IsManagedTemplate(template))
            refusals.Add(new(ManagedLaunchTemplate, "guide L2669", $"launch template {template} is the one PCS manages for a node group: never select it, or the group stops working"));
        if (input.SetsGroupAmiId && input.LaunchTemplateImageId is { } templateImage && templateImage != image.ImageId)
            warnings.Add(new(AmiOverridesTemplate, "guide L3029", $"the group's amiId {image.ImageId} overrides the launch template's ImageId {templateImage}"));
        if (sample is not null)
        {
            warnings.Add(new(SampleDemonstration, "guide L5522-5524", $"{image.ImageId} is a PCS sample AMI: for demonstration only, not recommended for production workloads"));
            if (input.NetworkInterfaceCount > 1 && input.Ipv6OnlySubnets != false)
                warnings.Add(new(SampleIpv6, "guide L5526-5528",
                    $"sample AMIs with {input.NetworkInterfaceCount} network interfaces do not work on IPv6-only subnets{(input.Ipv6OnlySubnets is null ? " (the subnets' addressing is unknown)" : "")}: use dual-stack or IPv4-only subnets"));
        }
        return new PreflightResult(refusals, warnings, run);
    }

    /// <summary><c>pcs-&lt;identifier&gt;-do-not-delete</c>, the template PCS creates per node group (guide L2669).</summary>
    public static bool IsManagedTemplate(string name) =>
        name.StartsWith("pcs-", StringComparison.Ordinal) && name.EndsWith("-do-not-delete", StringComparison.Ordinal) && name.Length > "pcs--do-not-delete".Length;

    /// <summary>The Slurm version the AMI will run for the cluster: the cluster's when it holds it, else its newest not newer and at most two behind.</summary>
    private static SlurmVersion? CheckSlurm(PreflightInput input, (string Os, string Arch, SlurmVersion Slurm)? sample, DateTimeOffset now,
        List<PreflightFinding> refusals, List<PreflightFinding> warnings)
    {
        var image = input.Image;
        var cluster = input.ClusterSlurmVersion;
        var declared = sample is { } s ? AmiSlurmVersions.FromSampleName(s.Slurm) : AmiSlurmVersions.Read(image);
        if (declared.Problem is { } problem)
        {
            refusals.Add(new(SlurmCompatibility, "guide L5776-5778", $"{image.ImageId}: {problem}"));
            return null;
        }
        if (declared.Versions.Count == 0)
        {
            refusals.Add(new(SlurmCompatibility, "guide L5776-5778",
                $"{image.ImageId} declares no Slurm version: tag it {AmiSlurmVersions.TagKey}=<versions> (e.g. 25.05,25.11) or name them in its Description"));
            return null;
        }
        var held = string.Join(", ", declared.Versions);
        var candidates = declared.Versions.Where(v => v <= cluster).ToList();
        if (candidates.Count == 0)
        {
            refusals.Add(new(SlurmCompatibility, "guide L6559", $"{image.ImageId} holds Slurm {held}, all newer than the cluster's {cluster}"));
            return null;
        }
        var run = candidates.Max();
        if (run == cluster)
            return run;
        var behind = SlurmReleases.VersionsBehind(run, cluster);
        if (behind is null or > SlurmReleases.MaxVersionsBehind)
        {
            var how = behind is null ? "an unknown number of versions" : $"{behind} versions";
            refusals.Add(new(SlurmCompatibility, "guide L6559",
                $"{image.ImageId} holds Slurm {held}; its newest usable, {run}, is {how} behind the cluster's {cluster} (at most {SlurmReleases.MaxVersionsBehind})"));
            return null;
        }
        warnings.Add(new(SlurmBehind, "guide L6559", $"{image.ImageId} does not hold the cluster's Slurm {cluster}: its nodes run Slurm {run}, {behind} version{(behind == 1 ? "" : "s")} behind"));
        CheckEndOfLife(run, $"the AMI's Slurm {run}", now, refusals);
        return run;
    }

    private static void CheckEndOfLife(SlurmVersion version, string what, DateTimeOffset now, List<PreflightFinding> refusals)
    {
        var release = SlurmReleases.Find(version);
        if (release is null)
            refusals.Add(new(SlurmEndOfLife, "guide L6441-6454", $"{what} is not a version PCS supports (known: {string.Join(", ", SlurmReleases.All.Select(r => r.Version))})"));
        else if (release.IsEndOfLifeAt(now))
            refusals.Add(new(SlurmEndOfLife, "guide L6441-6454", $"{what} reached its PCS end of life on {release.PcsEndOfLife.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
    }

    private static void CheckArchitecture(PreflightInput input, List<PreflightFinding> refusals)
    {
        var group = input.GroupArchitecture;
        if (group.Refusal is { } refusal)
            refusals.Add(new(Architecture, "guide L2549-2550", refusal));
        else if (input.Image.Architecture != group.Architecture)
            refusals.Add(new(Architecture, "guide L2549-2550, L6008",
                $"{input.Image.ImageId} is {input.Image.Architecture ?? "of unknown architecture"}, the group's instance types are {group.Architecture}"));
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
