using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>Where the roll-out's target came from, in words for the output ("--ami-id", "the cluster's tag ...", "the default ...").</summary>
/// <param name="Kind"><c>option</c>, <c>tag</c> or <c>default</c> (the JSON output's <c>targetSource</c>).</param>
public sealed record TargetSource(string Kind, string Text);

/// <summary>
/// The roll-out's target: the one an option names; else the cluster's <c>pcs-automation:ami-channel</c> tag (the channel
/// the scheduled check follows, issue 10); else the <c>sample</c> channel. Pure: the tags are passed in.
/// </summary>
public static class RolloutTarget
{
    /// <summary>The cluster tag naming its AMI channel (design.md, "Configuration by tags": AMI channel).</summary>
    public const string ChannelTagKey = "pcs-automation:ami-channel";

    public static (UpdateTargetText Target, TargetSource Source) Choose(RolloutRequest request, IReadOnlyDictionary<string, string> clusterTags)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clusterTags);
        if (request.HasTarget)
        {
            var option = request.TargetChannel is not null ? "--target-channel" : request.AmiId is not null ? "--ami-id" : "--launch-template-version";
            return (new UpdateTargetText(request.TargetChannel, request.Owner, request.AmiId, request.LaunchTemplateVersion), new TargetSource("option", option));
        }

        if (clusterTags.TryGetValue(ChannelTagKey, out var channel))
        {
            try
            {
                AmiChannelParser.Parse(channel);
            }
            catch (AmiChannelException e)
            {
                throw new CliException($"The cluster's {ChannelTagKey} tag is not a channel ({e.Message}); fix the tag or pass --target-channel, --ami-id or --launch-template-version.");
            }

            return (new UpdateTargetText(channel, request.Owner, null, null), new TargetSource("tag", $"the cluster's {ChannelTagKey} tag"));
        }

        return (new UpdateTargetText("sample", request.Owner, null, null), new TargetSource("default", $"the default: the cluster has no {ChannelTagKey} tag"));
    }
}
