namespace PcsAutomation.Domain.Ami.CustomResource;

/// <summary>
/// What a <c>Custom::AMILookup</c> resource looks up: the PCS sample AMI of one OS, architecture and Slurm major version
/// (<c>aws-pcs-sample_ami-&lt;os&gt;-&lt;arch&gt;-slurm-&lt;major&gt;</c>, guide L5537-5545). The OS is always the one the
/// version's sample AMIs run (<see cref="SampleAmiNames.OperatingSystemFor"/>): any other is refused when the properties
/// are read.
/// </summary>
public sealed record SampleAmiKey(string OperatingSystem, string Architecture, SlurmVersion SlurmVersion)
{
    public override string ToString() => $"{OperatingSystem} {Architecture} Slurm {SlurmVersion}";
}
