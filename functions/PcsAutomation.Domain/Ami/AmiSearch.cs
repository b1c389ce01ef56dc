namespace PcsAutomation.Domain.Ami;

/// <summary>One DescribeImages filter: a name and the values it ORs (<c>*</c>, <c>?</c> wildcards).</summary>
public sealed record AmiFilter(string Name, IReadOnlyList<string> Values);

/// <summary>
/// What a lookup asks EC2 for: DescribeImages with these owners and filters (every page), or, for an SSM channel, first
/// GetParameter <see cref="ParameterName"/>, then DescribeImages of the id it holds.
/// </summary>
/// <param name="IncludeDeprecated">
/// EC2 hides deprecated AMIs unless asked (the owner's own always show); the custom and tag searches ask, so that the
/// result can say which images were left out as deprecated instead of silently missing them.
/// </param>
public sealed record AmiSearch(IReadOnlyList<string> Owners, IReadOnlyList<AmiFilter> Filters, bool IncludeDeprecated, string? ParameterName)
{
    /// <summary>The request for <paramref name="query"/>'s channel.</summary>
    public static AmiSearch For(AmiQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var channel = query.Channel;
        return channel.Kind switch
        {
            // guide L5580-5599: --owners amazon, Name=name,Values=aws-pcs-sample_ami-<os>-<arch>-slurm-<major>*, Name=state,Values=available
            AmiChannelKind.Sample => new AmiSearch(
                [AmiChannel.AmazonOwner],
                [
                    new AmiFilter("name", [SampleAmiNames.NameFilter(SampleAmiNames.OperatingSystemFor(query.SlurmVersion), query.Architecture, query.SlurmVersion)]),
                    new AmiFilter("state", [AmiImage.Available]),
                ],
                IncludeDeprecated: false,
                ParameterName: null),
            // Neither state nor architecture is filtered: a pending or other-architecture image is reported with its reason.
            AmiChannelKind.Custom => new AmiSearch([channel.Owner!], [new AmiFilter("name", [channel.NamePattern!])], IncludeDeprecated: true, ParameterName: null),
            AmiChannelKind.Tag => new AmiSearch([channel.Owner!], [new AmiFilter($"tag:{channel.TagKey}", [channel.TagValue!])], IncludeDeprecated: true, ParameterName: null),
            _ => new AmiSearch([], [], IncludeDeprecated: true, ParameterName: channel.ParameterName),
        };
    }
}

/// <summary>
/// A lookup: the channel, the cluster's Slurm version, the nodes' architecture. <see cref="AccountId"/> is this
/// account's id when known: it makes the owner rule of a <c>self</c> channel exact (else DescribeImages' own
/// <c>Owners=self</c> scoping is trusted).
/// </summary>
public sealed record AmiQuery(AmiChannel Channel, SlurmVersion SlurmVersion, string Architecture, string? AccountId = null);
