using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// The public AMIs every emulated account sees, dated relative to the clock's start so that they are always in
/// the past. PCS sample AMIs follow the guide:
/// <list type="bullet">
/// <item>naming <c>aws-pcs-sample_ami-OS-architecture-scheduler-scheduler-major-version</c> (guide L5537-5545), found with
/// <c>describe-images --owners amazon</c> and a name filter ending in <c>*</c> because published names carry a suffix
/// (L5587-5599); "if several, use the newest timestamp" (L5570);</item>
/// <item>al2023 for Slurm 25.11 (L5559, L5565, L6129, L6240), amzn2 for 25.05 and older (L5574, L6150-6328);</item>
/// <item>release-note contents (EFA installer, OS) from L6125-6345, put in the Description.</item>
/// </list>
/// The Slurm 26.05+ scheme is not in the guide (design.md §1: "changed again with Slurm 26.05"): here its names carry
/// no scheduler version (<c>aws-pcs-sample_ami-al2023-&lt;arch&gt;-&lt;yyyyMMdd&gt;</c>) and the versions are in the
/// Description (<c>... Slurm 26.05.1, AWS PCS agent 1.4.0 ...</c>). The date suffix of older names is also a stand-in.
/// </summary>
public static class ImageCatalogue
{
    /// <summary>Owner of AWS-published images here: the guide only says <c>--owners amazon</c> (L5587), so the account id is a stand-in.</summary>
    public const string PcsSampleOwnerId = "679593333241";

    /// <summary>Amazon Linux's public owner account.</summary>
    public const string AmazonLinuxOwnerId = "137112412989";

    /// <summary>The AWS Deep Learning AMIs' owner account.</summary>
    public const string DeepLearningOwnerId = "898082745236";

    public static readonly string[] Architectures = ["x86_64", "arm64"];

    /// <summary>Adds the catalogue to <paramref name="world"/>; <paramref name="start"/> is "now" for the relative dates.</summary>
    public static void AddPublicImages(AwsWorld world, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var arch in Architectures)
        {
            // Older scheme: OS and Slurm major version in the name.
            Sample(world, start, "al2023", arch, "25.11", 10, deprecatedInDays: null, "Amazon Linux 2023", "EFA installer 1.47.0");
            Sample(world, start, "al2023", arch, "25.11", 45, deprecatedInDays: 7, "Amazon Linux 2023", "EFA installer 1.46.0");
            Sample(world, start, "amzn2", arch, "25.05", 60, deprecatedInDays: null, "Amazon Linux 2", "EFA installer 1.43.1");
            Sample(world, start, "amzn2", arch, "24.11", 200, deprecatedInDays: -30, "Amazon Linux 2", "EFA installer 1.33.0");
            Sample(world, start, "amzn2", arch, "24.05", 300, deprecatedInDays: -120, "Amazon Linux 2", "EFA installer 1.33.0");

            // Slurm 26.05+ scheme: versions only in the Description.
            NewScheme(world, start, arch, "26.05.1", "1.4.0", 3, deprecatedInDays: null);
            NewScheme(world, start, arch, "26.05.0", "1.4.0", 20, deprecatedInDays: -2);

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

    /// <summary>Deterministic ids (independent of the world's seed), so a name always has the same AMI id.</summary>
    public static string IdFor(string key) =>
        "ami-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..17];

    public static string AmazonLinuxImageId(string architecture) => IdFor($"al2023-{architecture}");

    public static string DeepLearningImageId(string architecture) => IdFor($"dlami-{architecture}");

    private static void Sample(AwsWorld world, DateTimeOffset start, string os, string arch, string slurm, int ageDays,
        int? deprecatedInDays, string osName, string efa)
    {
        var created = start.AddDays(-ageDays);
        var name = $"aws-pcs-sample_ami-{os}-{arch}-slurm-{slurm}-{Stamp(created)}";
        Add(world, new Ec2Image
        {
            ImageId = IdFor(name),
            Name = name,
            Description = $"AWS PCS sample AMI for Slurm {slurm} ({osName}, {arch}, {efa})",
            Architecture = arch,
            OwnerId = PcsSampleOwnerId,
            OwnerAlias = "amazon",
            CreationDate = created,
            DeprecationTime = deprecatedInDays is { } d ? start.AddDays(d) : null,
            Public = true,
        });
    }

    private static void NewScheme(AwsWorld world, DateTimeOffset start, string arch, string slurm, string agent, int ageDays, int? deprecatedInDays)
    {
        var created = start.AddDays(-ageDays);
        var name = $"aws-pcs-sample_ami-al2023-{arch}-{Stamp(created)}";
        Add(world, new Ec2Image
        {
            ImageId = IdFor(name),
            Name = name,
            Description = $"AWS PCS sample AMI: Slurm {slurm}, AWS PCS agent {agent}, Amazon Linux 2023, {arch}",
            Architecture = arch,
            OwnerId = PcsSampleOwnerId,
            OwnerAlias = "amazon",
            CreationDate = created,
            DeprecationTime = deprecatedInDays is { } d ? start.AddDays(d) : null,
            Public = true,
        });
    }

    private static void Add(AwsWorld world, Ec2Image image) => world.Images[image.ImageId] = image;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
