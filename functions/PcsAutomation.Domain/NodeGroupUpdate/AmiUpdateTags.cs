using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>What the <c>pcs-automation:ami-update</c> tag asks for.</summary>
public enum AmiUpdateMode
{
    /// <summary>Tell people when the channel gives a newer image than the groups run; change nothing.</summary>
    Notify,

    /// <summary>Roll the channel's image out, inside the cluster's maintenance window.</summary>
    Apply,
}

/// <summary>
/// A cluster's AMI tags, each read on its own so one bad tag does not hide the other: the channel
/// (<c>pcs-automation:ami-channel</c>, the lookup's syntax, with <c>pcs-automation:ami-owner</c> for custom: and tag:
/// channels) and the mode (<c>pcs-automation:ami-update</c>). A missing or bad value is not an error here: it means
/// "do nothing", and <see cref="Problem"/> says why, naming the tag and quoting the value, for the log.
/// </summary>
public sealed record AmiUpdateTags(AmiChannel? Channel, string? ChannelProblem, AmiUpdateMode? Mode, string? ModeProblem)
{
    public const string NotifyValue = "notify";
    public const string ApplyValue = "apply";

    /// <summary>Why the reconciler does nothing for this cluster (the mode's problem first), or null when both tags are valid.</summary>
    public string? Problem => ModeProblem ?? ChannelProblem;

    /// <summary>The roll-out's target for the channel, as its input writes it (the owner only for custom: and tag: channels); null without a channel.</summary>
    public UpdateTargetText? Target => Channel is { } channel
        ? new UpdateTargetText(channel.Text, channel.Kind is AmiChannelKind.Custom or AmiChannelKind.Tag ? channel.Owner : null, null, null)
        : null;

    public static AmiUpdateTags Read(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var (mode, modeProblem) = ReadMode(tags);
        var (channel, channelProblem) = ReadChannel(tags);
        return new AmiUpdateTags(channel, channelProblem, mode, modeProblem);
    }

    private static (AmiUpdateMode?, string?) ReadMode(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(TagKeys.AmiUpdate, out var text))
            return (null, $"no {TagKeys.AmiUpdate} tag ({NotifyValue} or {ApplyValue}): AMI updates are not automated");
        // Any case, as the managed tag: a typo's case is not worth a silent no-op. Anything else is reported, not guessed.
        if (string.Equals(text, NotifyValue, StringComparison.OrdinalIgnoreCase))
            return (AmiUpdateMode.Notify, null);
        if (string.Equals(text, ApplyValue, StringComparison.OrdinalIgnoreCase))
            return (AmiUpdateMode.Apply, null);
        return (null, $"{TagKeys.AmiUpdate} is '{Clip(text)}', not {NotifyValue} or {ApplyValue}: nothing is done");
    }

    private static (AmiChannel?, string?) ReadChannel(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(TagKeys.AmiChannel, out var text))
            return (null, $"no {TagKeys.AmiChannel} tag: no channel to compare the node groups' images with");
        tags.TryGetValue(TagKeys.AmiOwner, out var owner);
        try
        {
            return (AmiChannelParser.Parse(text, owner), null);
        }
        catch (AmiChannelException e)
        {
            return (null, $"{TagKeys.AmiChannel}{(owner is null ? "" : $" with {TagKeys.AmiOwner}")}: {e.Message}");
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
