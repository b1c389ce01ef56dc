using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// The public AMIs every emulated account sees, dated relative to the clock's start so that they are always in
/// the past. PCS sample AMIs follow the guide and nothing else:
/// <list type="bullet">
/// <item>named <c>aws-pcs-sample_ami-OS-architecture-scheduler-scheduler-major-version</c> (guide L5537-5545);</item>
/// <item><c>al2023</c> for Slurm 25.11 (L5559, L5565, L6129, L6240), <c>amzn2</c> for 25.05 and older (L5574, L826,
/// L6150, L6175, L6196, L6217, L6261, L6286, L6307, L6328): every major version the release notes name, both
/// architectures;</item>
/// <item>found with <c>describe-images --owners amazon</c>, a name filter ending in <c>*</c>, <c>state=available</c> and
/// the newest <c>CreationDate</c> (L5580-5599); "if several, use the newest timestamp" (L5570), so a major version has
/// more than one build here;</item>
/// <item>release-note contents (OS, EFA installer) from L6125-6345, put in the Description.</item>
/// </list>
/// Inferred (README, "Inferred"): the guide prints names without what follows the major version, yet filters with a
/// trailing <c>*</c> and expects several matches, so each build here carries a <c>-yyyyMMdd</c> suffix; the owner
/// account ids; the build dates. No AWS document shows a sample AMI without the scheduler version in its name, so
/// there is none here.
/// </summary>
public static class ImageCatalogue
{
    /// <summary>Owner of the PCS sample AMIs: the guide only says <c>--owners amazon</c> (L5587), so the account id is inferred.</summary>
    public const string PcsSampleOwnerId = "679593333241";

    /// <summary>Amazon Linux's public owner account (inferred; nothing in the guide names it).</summary>
    public const string AmazonLinuxOwnerId = "137112412989";

    /// <summary>The AWS Deep Learning AMIs' owner account (inferred).</summary>
    public const string DeepLearningOwnerId = "898082745236";

    public static readonly string[] Architectures = ["x86_64", "arm64"];

    /// <summary>The sample AMIs' Slurm major versions, their OS and EFA installer (release notes, guide L6125-6345).</summary>
    public static readonly IReadOnlyList<SampleAmiRelease> SampleAmiReleases =
    [
        new("25.11", "al2023", "Amazon Linux 2023", "1.47.0"), // L6125-6145, L6236-6256
        new("25.05", "amzn2", "Amazon Linux 2", "1.43.1"), // L6146-6166, L6257-6277
        new("24.11", "amzn2", "Amazon Linux 2", "1.33.0"), // L6167-6191, L6278-6302
        new("24.05", "amzn2", "Amazon Linux 2", "1.33.0"), // L6192-6212, L6303-6323
        new("23.11", "amzn2", "Amazon Linux 2", "1.33.0"), // L6213-6234, L6324-6345
    ];

    /// <summary>Adds the catalogue to <paramref name="world"/>; <paramref name="start"/> is "now" for the relative dates.</summary>
    public static void AddPublicImages(AwsWorld world, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var arch in Architectures)
        {
            foreach (var release in SampleAmiReleases)
            {
                foreach (var ageDays in BuildAges(release))
                    Sample(world, start, release, arch, ageDays);
            }

            var linuxCreated = start.AddDays(-5);
            Add(world, new Ec2Image
            {
                ImageId = IdFor($"al2023-{arch}"),
                Name = $"al2023-ami-2023.9.{Stamp(linuxCreated)}.0-kernel-6.1-{arch}",
                Description = "Amazon Linux 2023 AMI 2023.9 " + arch + " HVM kernel-6.1",
                Architecture = arch,
                OwnerId = AmazonLinuxOwnerId,
                OwnerAlias = "amazon",
                CreationDate = linuxCreated,
                Public = true,
            });
            // guide L6004: DLAMIs based on Amazon Linux 2023 should be compatible with PCS.
            var dlamiCreated = start.AddDays(-8);
            Add(world, new Ec2Image
            {
                ImageId = IdFor($"dlami-{arch}"),
                Name = $"Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) {Stamp(dlamiCreated)}",
                Description = $"Supported EC2 instances: G4dn, G5, G6, Gr6, G6e, P4d, P4de, P5, P5e, P5en, P6-B200. Amazon Linux 2023, {arch}, NVIDIA driver 580",
                Architecture = arch,
                OwnerId = DeepLearningOwnerId,
                OwnerAlias = "amazon",
                CreationDate = dlamiCreated,
                Public = true,
            });
        }
    }

    /// <summary>The guide's name of a sample AMI (L5537-5545), without the build suffix: what a lookup filters on before its <c>*</c>.</summary>
    public static string SampleAmiName(string os, string architecture, string slurmMajor) =>
        $"aws-pcs-sample_ami-{os}-{architecture}-slurm-{slurmMajor}";

    /// <summary>Deterministic ids (independent of the world's seed), so a name always has the same AMI id.</summary>
    public static string IdFor(string key) =>
        "ami-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..17];

    public static string AmazonLinuxImageId(string architecture) => IdFor($"al2023-{architecture}");

    public static string DeepLearningImageId(string architecture) => IdFor($"dlami-{architecture}");

    // Inferred build ages: the current major version has two builds (L5570: "if several, use the newest"), older ones one.
    private static int[] BuildAges(SampleAmiRelease release) => release.SlurmMajor switch
    {
        "25.11" => [10, 45],
        "25.05" => [60],
        "24.11" => [200],
        "24.05" => [300],
        _ => [400],
    };

    private static void Sample(AwsWorld world, DateTimeOffset start, SampleAmiRelease release,
        string arch, int ageDays)
    {
        var created = start.AddDays(-ageDays);
        var name = $"{SampleAmiName(release.Os, arch, release.SlurmMajor)}-{Stamp(created)}";
        Add(world, new Ec2Image
        {
            ImageId = IdFor(name),
            Name = name,
            Description = $"AWS PCS sample AMI for Slurm {release.SlurmMajor} ({release.OsName}, {arch}, EFA installer {release.EfaInstaller})",
            Architecture = arch,
            OwnerId = PcsSampleOwnerId,
            OwnerAlias = "amazon",
            CreationDate = created,
            Public = true,
        });
    }

    private static void Add(AwsWorld world, Ec2Image image) => world.Images[image.ImageId] = image;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>One Slurm major version's sample AMI as the release notes describe it (guide L6125-6345).</summary>
public sealed record SampleAmiRelease(string SlurmMajor, string Os, string OsName, string EfaInstaller);
