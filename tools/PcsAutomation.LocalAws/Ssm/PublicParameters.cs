using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ssm;

/// <summary>
/// The public <c>/aws/service/...</c> AMI parameters, pointing at the catalogue's images: Amazon Linux 2023 and the
/// AL2023 Deep Learning Base AMI (guide L6004: DLAMIs based on AL2023 should be compatible with PCS). The guide
/// documents no public parameter for PCS sample AMIs (digest §5.1), so there is none here.
/// </summary>
public static class PublicParameters
{
    public static string AmazonLinux2023(string architecture) =>
        $"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-{architecture}";

    public static string DeepLearningBaseAl2023(string architecture) =>
        $"/aws/service/deeplearning/ami/{architecture}/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id";

    public static void Add(AwsWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var arch in ImageCatalogue.Architectures)
        {
            Add(world, AmazonLinux2023(arch), ImageCatalogue.AmazonLinuxImageId(arch));
            Add(world, DeepLearningBaseAl2023(arch), ImageCatalogue.DeepLearningImageId(arch));
        }
    }

    private static void Add(AwsWorld world, string name, string imageId)
    {
        var image = world.Images.GetValueOrDefault(imageId);
        world.Parameters[name] = new SsmParameter
        {
            Name = name,
            Type = SsmParameter.StringType,
            Value = imageId,
            DataType = "aws:ec2:image",
            LastModifiedDate = image?.CreationDate ?? world.Now,
            Version = 12,
        };
    }
}
