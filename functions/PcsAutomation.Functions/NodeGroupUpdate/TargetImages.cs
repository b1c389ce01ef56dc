using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.Ami;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// The target image per group, each looked up once per plan: an AMI id is described; a channel is looked up for the
/// cluster's Slurm version and each architecture the groups run (a cluster may mix x86_64 and arm64 groups).
/// </summary>
internal sealed class TargetImages(UpdateTarget target, AmiLookup lookup, SlurmVersion? slurm)
{
    private readonly Dictionary<string, AmiImage> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmiImage> byArchitecture = new(StringComparer.Ordinal);

    /// <summary>The image for a group of <paramref name="architecture"/>; null when the architecture or the Slurm version is unknown (the plan refuses).</summary>
    public async Task<AmiImage?> ForAsync(ArchitectureDecision architecture, CancellationToken cancellationToken)
    {
        if (target.Kind == UpdateTargetKind.AmiId)
            return await ByIdAsync(target.AmiId!, cancellationToken).ConfigureAwait(false);
        if (architecture.Architecture is not { } arch || slurm is not { } version)
            return null;
        if (!byArchitecture.TryGetValue(arch, out var image))
        {
            var result = await lookup.LatestAsync(new AmiQuery(target.Channel!, version, arch), cancellationToken).ConfigureAwait(false);
            byArchitecture[arch] = image = result.RequireChosen();
        }
        return image;
    }

    public async Task<AmiImage> ByIdAsync(string amiId, CancellationToken cancellationToken)
    {
        if (!byId.TryGetValue(amiId, out var image))
            byId[amiId] = image = await lookup.DescribeAsync(amiId, cancellationToken).ConfigureAwait(false);
        return image;
    }
}
