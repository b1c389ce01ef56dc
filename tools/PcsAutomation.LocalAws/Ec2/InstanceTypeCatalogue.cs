namespace PcsAutomation.LocalAws.Ec2;

/// <summary>An instance type as DescribeInstanceTypes needs it (architecture is what AMI checks read).</summary>
public sealed record InstanceTypeInfo(
    string InstanceType,
    string Architecture,
    int VCpus,
    int Cores,
    int ThreadsPerCore,
    long MemoryMiB,
    string Manufacturer,
    double ClockGhz,
    string NetworkPerformance,
    bool EfaSupported,
    bool Burstable = false,
    int GpuCount = 0,
    string? GpuName = null,
    int GpuMemoryMiB = 0);

/// <summary>
/// A small built-in catalogue: the types PCS examples and our scenarios use, both architectures, HPC, GPU and
/// UltraServer (GB200) types. Values follow the EC2 instance type pages; unknown types are refused.
/// </summary>
public static class InstanceTypeCatalogue
{
    public static readonly IReadOnlyList<InstanceTypeInfo> All =
    [
        new("t3.micro", "x86_64", 2, 1, 2, 1024, "Intel", 3.1, "Up to 5 Gigabit", false, Burstable: true),
        new("t3.medium", "x86_64", 2, 1, 2, 4096, "Intel", 3.1, "Up to 5 Gigabit", false, Burstable: true),
        new("t4g.micro", "arm64", 2, 2, 1, 1024, "AWS", 2.5, "Up to 5 Gigabit", false, Burstable: true),
        new("t4g.medium", "arm64", 2, 2, 1, 4096, "AWS", 2.5, "Up to 5 Gigabit", false, Burstable: true),
        new("c6i.large", "x86_64", 2, 1, 2, 4096, "Intel", 3.5, "Up to 12.5 Gigabit", false),
        new("c6i.xlarge", "x86_64", 4, 2, 2, 8192, "Intel", 3.5, "Up to 12.5 Gigabit", false),
        new("c6i.2xlarge", "x86_64", 8, 4, 2, 16384, "Intel", 3.5, "Up to 12.5 Gigabit", false),
        new("c6i.32xlarge", "x86_64", 128, 64, 2, 262144, "Intel", 3.5, "50 Gigabit", true),
        new("c7g.large", "arm64", 2, 2, 1, 4096, "AWS", 2.6, "Up to 12.5 Gigabit", false),
        new("c7g.xlarge", "arm64", 4, 4, 1, 8192, "AWS", 2.6, "Up to 12.5 Gigabit", false),
        new("c7g.16xlarge", "arm64", 64, 64, 1, 131072, "AWS", 2.6, "30 Gigabit", true),
        new("hpc7g.16xlarge", "arm64", 64, 64, 1, 131072, "AWS", 2.6, "200 Gigabit", true),
        new("hpc6a.48xlarge", "x86_64", 96, 96, 1, 393216, "AMD", 3.6, "100 Gigabit", true),
        new("p5.48xlarge", "x86_64", 192, 96, 2, 2097152, "AMD", 3.6, "3200 Gigabit", true, GpuCount: 8, GpuName: "H100", GpuMemoryMiB: 81920),
        new("p6e-gb200.36xlarge", "arm64", 144, 144, 1, 983040, "NVIDIA", 3.1, "1600 Gigabit", true, GpuCount: 4, GpuName: "B200", GpuMemoryMiB: 188416),
    ];

    public static InstanceTypeInfo? Find(string instanceType) => All.FirstOrDefault(t => t.InstanceType == instanceType);
}
