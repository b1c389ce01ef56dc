using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>Resources rendered with the EC2 model's XML element names (see <see cref="Ec2Xml"/>).</summary>
internal static partial class Ec2Json
{
    public static JsonObject Image(Ec2Image image) => new()
    {
        ["imageId"] = image.ImageId,
        ["imageLocation"] = $"{image.OwnerAlias ?? image.OwnerId}/{image.Name}",
        ["imageState"] = image.State,
        ["imageOwnerId"] = image.OwnerId,
        ["creationDate"] = AwsTimestamp.Iso8601(image.CreationDate),
        ["isPublic"] = image.Public,
        ["architecture"] = image.Architecture,
        ["imageType"] = "machine",
        ["imageOwnerAlias"] = image.OwnerAlias,
        ["name"] = image.Name,
        ["description"] = image.Description,
        ["rootDeviceType"] = "ebs",
        ["rootDeviceName"] = "/dev/xvda",
        ["blockDeviceMapping"] = new JsonArray(new JsonObject
        {
            ["deviceName"] = "/dev/xvda",
            ["ebs"] = new JsonObject { ["deleteOnTermination"] = true, ["volumeSize"] = 30, ["volumeType"] = "gp2", ["encrypted"] = false },
        }),
        ["virtualizationType"] = "hvm",
        ["tagSet"] = Tags(image.Tags),
        ["hypervisor"] = "xen",
        ["enaSupport"] = true,
        ["sriovNetSupport"] = "simple",
        ["bootMode"] = image.Architecture == "arm64" ? "uefi" : "uefi-preferred",
        ["platformDetails"] = "Linux/UNIX",
        ["usageOperation"] = "RunInstances",
        ["deprecationTime"] = image.DeprecationTime is { } d ? AwsTimestamp.Iso8601(d) : null,
        ["imdsSupport"] = "v2.0",
    };

    public static int StateCode(string state) =>
        state switch
        {
            Ec2Instance.Pending => 0,
            Ec2Instance.Running => 16,
            Ec2Instance.ShuttingDown => 32,
            Ec2Instance.Terminated => 48,
            "stopping" => 64,
            "stopped" => 80,
            _ => 0,
        };

    public static JsonObject Instance(Ec2Instance instance, string availabilityZone) => new()
    {
        ["instanceId"] = instance.InstanceId,
        ["imageId"] = instance.ImageId,
        ["instanceState"] = new JsonObject { ["code"] = StateCode(instance.State), ["name"] = instance.State },
        ["privateDnsName"] = instance.PrivateIpAddress is { } ip ? $"ip-{ip.Replace('.', '-')}.ec2.internal" : "",
        ["dnsName"] = "",
        ["reason"] = instance.StateTransitionReason ?? "",
        ["stateReason"] = instance.StateReason is { } why ? new JsonObject { ["code"] = why.Code, ["message"] = why.Message } : null,
        ["amiLaunchIndex"] = 0,
        ["productCodes"] = new JsonArray(),
        ["instanceType"] = instance.InstanceType,
        ["launchTime"] = AwsTimestamp.Iso8601(instance.LaunchTime),
        ["placement"] = new JsonObject { ["availabilityZone"] = availabilityZone, ["groupName"] = "", ["tenancy"] = "default" },
        ["monitoring"] = new JsonObject { ["state"] = "disabled" },
        ["subnetId"] = instance.State == Ec2Instance.Terminated ? null : instance.SubnetId,
        ["vpcId"] = instance.State == Ec2Instance.Terminated ? null : "vpc-0123456789abcdef0",
        ["privateIpAddress"] = instance.State == Ec2Instance.Terminated ? null : instance.PrivateIpAddress,
        ["architecture"] = InstanceTypeCatalogue.Find(instance.InstanceType)?.Architecture ?? "x86_64",
        ["rootDeviceType"] = "ebs",
        ["rootDeviceName"] = "/dev/xvda",
        ["instanceLifecycle"] = instance.InstanceLifecycle,
        ["capacityReservationId"] = instance.CapacityReservationId,
        ["tagSet"] = Tags(instance.Tags),
        ["virtualizationType"] = "hvm",
        ["hypervisor"] = "xen",
        ["enaSupport"] = true,
        ["platformDetails"] = "Linux/UNIX",
        ["usageOperation"] = "RunInstances",
    };

    public static JsonObject LaunchTemplate(LaunchTemplate template, string createdBy) => new()
    {
        ["launchTemplateId"] = template.LaunchTemplateId,
        ["launchTemplateName"] = template.LaunchTemplateName,
        ["createTime"] = AwsTimestamp.Iso8601(template.CreateTime),
        ["createdBy"] = createdBy,
        ["defaultVersionNumber"] = template.DefaultVersion,
        ["latestVersionNumber"] = template.Versions.Count == 0 ? 0 : template.Versions.Max(v => v.VersionNumber),
        ["tagSet"] = new JsonArray(),
    };

    /// <summary><paramref name="withUserData"/> false keeps user data (often secrets) out of a mutating call's answer, hence out of CloudTrail.</summary>
    public static JsonObject LaunchTemplateVersion(LaunchTemplate template, LaunchTemplateVersion version, string createdBy, string? resolvedImageId,
        bool withUserData = true) => new()
    {
        ["launchTemplateId"] = template.LaunchTemplateId,
        ["launchTemplateName"] = template.LaunchTemplateName,
        ["versionNumber"] = version.VersionNumber,
        ["versionDescription"] = version.Description,
        ["createTime"] = AwsTimestamp.Iso8601(version.CreateTime),
        ["createdBy"] = createdBy,
        ["defaultVersion"] = version.VersionNumber == template.DefaultVersion,
        ["launchTemplateData"] = new JsonObject
        {
            ["imageId"] = resolvedImageId ?? version.ImageId,
            ["instanceType"] = version.InstanceType,
            ["userData"] = withUserData ? version.UserData : null,
            ["tagSpecificationSet"] = version.TagSpecifications is { Count: > 0 } specs
                ? new JsonArray(specs.Select(s => (JsonNode)new JsonObject { ["resourceType"] = s.Key, ["tagSet"] = Tags(s.Value) }).ToArray())
                : null,
            ["instanceMarketOptions"] = version.MarketType is { } market ? new JsonObject { ["marketType"] = market } : null,
            ["capacityReservationSpecification"] = version.CapacityReservationId is { } reservation
                ? new JsonObject { ["capacityReservationTarget"] = new JsonObject { ["capacityReservationId"] = reservation } }
                : null,
        },
    };

    public static JsonObject InstanceType(InstanceTypeInfo type) => new()
    {
        ["instanceType"] = type.InstanceType,
        ["currentGeneration"] = true,
        ["freeTierEligible"] = type.InstanceType == "t3.micro",
        ["supportedUsageClasses"] = new JsonArray("on-demand", "spot"),
        ["supportedRootDeviceTypes"] = new JsonArray("ebs"),
        ["supportedVirtualizationTypes"] = new JsonArray("hvm"),
        ["bareMetal"] = false,
        ["hypervisor"] = "nitro",
        ["processorInfo"] = new JsonObject
        {
            ["supportedArchitectures"] = new JsonArray(type.Architecture),
            ["sustainedClockSpeedInGhz"] = type.ClockGhz,
            ["manufacturer"] = type.Manufacturer,
        },
        ["vCpuInfo"] = new JsonObject
        {
            ["defaultVCpus"] = type.VCpus,
            ["defaultCores"] = type.Cores,
            ["defaultThreadsPerCore"] = type.ThreadsPerCore,
        },
        ["memoryInfo"] = new JsonObject { ["sizeInMiB"] = type.MemoryMiB },
        ["instanceStorageSupported"] = false,
        ["networkInfo"] = new JsonObject
        {
            ["networkPerformance"] = type.NetworkPerformance,
            ["maximumNetworkInterfaces"] = Math.Max(2, Math.Min(32, type.VCpus / 4)),
            ["ipv6Supported"] = true,
            ["enaSupport"] = "required",
            ["efaSupported"] = type.EfaSupported,
        },
        ["gpuInfo"] = type.GpuCount > 0
            ? new JsonObject
            {
                ["gpus"] = new JsonArray(new JsonObject
                {
                    ["name"] = type.GpuName,
                    ["manufacturer"] = "NVIDIA",
                    ["count"] = type.GpuCount,
                    ["memoryInfo"] = new JsonObject { ["sizeInMiB"] = type.GpuMemoryMiB },
                }),
                ["totalGpuMemoryInMiB"] = type.GpuCount * type.GpuMemoryMiB,
            }
            : null,
        ["burstablePerformanceSupported"] = type.Burstable,
        ["hibernationSupported"] = false,
        ["supportedBootModes"] = type.Architecture == "arm64" ? new JsonArray("uefi") : new JsonArray("legacy-bios", "uefi"),
    };

    public static JsonArray Tags(IReadOnlyDictionary<string, string> tags) =>
        new(tags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());
}
