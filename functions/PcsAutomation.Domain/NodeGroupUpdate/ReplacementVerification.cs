using System.Globalization;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>Where a group's replacement stands.</summary>
public enum ReplacementState
{
    /// <summary>Every running instance of the group reports the new image.</summary>
    Verified,

    /// <summary>Some still run the old image (busy until their jobs end, guide L2667): look again later.</summary>
    Waiting,

    /// <summary>
    /// Every running instance is on the new image, but some started too recently to know that they registered with the
    /// cluster: look again later (a broken image is caught by <see cref="NodeGroupHealth"/> once PCS shuts them down).
    /// </summary>
    Settling,

    /// <summary>Some still run the old image and the wait's bound has passed.</summary>
    TimedOut,
}

/// <summary>The verification's answer: the state, the running instances on the old and the new image, and the wait's end.</summary>
public sealed record ReplacementStatus(ReplacementState State, IReadOnlyList<string> OnOldImage, IReadOnlyList<string> OnNewImage, DateTimeOffset Deadline)
{
    public bool Verified => State == ReplacementState.Verified;
}

/// <summary>
/// Did PCS really replace a group's instances? After an update the group is ACTIVE once its instances are only
/// marked; each is replaced when idle, running jobs finishing first (guide L2667), and existing instances keep the old
/// AMI until then (L5935). So: every <c>running</c> instance tagged <c>aws:pcs:compute-node-group-id</c> with the group's
/// id, not its name (L2948-2973), must report the new <c>ImageId</c>, as the guide checks by hand (L5923-5925).
/// Instances starting or ending are not judged (a pending one is a replacement booting, an ending one is going); the
/// wait is bounded, from the change.
/// </summary>
public static class ReplacementVerification
{
    /// <summary>Two hours from the change: long enough for short jobs to end; a cluster with longer jobs rolls out with <c>replacement: marked</c>.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a replacement must have run before it counts. An instance that does not register with the cluster is
    /// shut down after 600 s (guide L11100-11107), counted from a moment no API shows (boot or running); no AWS API says
    /// whether a node registered. Fifteen minutes from EC2's LaunchTime covers the 600 s and a slow boot (assumption,
    /// Domain README). Without it a canary on a broken AMI was "verified" in the minutes before its nodes failed.
    /// </summary>
    public static readonly TimeSpan RegistrationSettle = TimeSpan.FromMinutes(15);

    public static ReplacementStatus Evaluate(
        string nodeGroupId, string expectedImageId, IReadOnlyList<NodeInstance> instances, DateTimeOffset changedAt, DateTimeOffset now, TimeSpan maxWait)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupId);
        ArgumentException.ThrowIfNullOrEmpty(expectedImageId);
        ArgumentNullException.ThrowIfNull(instances);
        // Pending instances count: a replacement still booting has not shown it works (a busy group's old nodes may all
        // have ended while their replacements boot), and an old-image one about to run still needs replacing.
        var up = instances.Where(i => i.NodeGroupTag == nodeGroupId && (i.IsRunning || i.IsPending)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        var old = up.Where(i => i.ImageId != expectedImageId).Select(i => i.InstanceId).ToList();
        var fresh = up.Where(i => i.ImageId == expectedImageId).Select(i => i.InstanceId).ToList();
        var settling = up.Any(i => i.ImageId == expectedImageId && (i.IsPending || i.LaunchTime is not { } launched || now - launched < RegistrationSettle));
        var deadline = changedAt + maxWait;
        var state = old.Count > 0
            ? now >= deadline ? ReplacementState.TimedOut : ReplacementState.Waiting
            : settling ? ReplacementState.Settling : ReplacementState.Verified;
        return new ReplacementStatus(state, old, fresh, deadline);
    }

    /// <summary>"2 instances still on the old image after 2h: i-…, i-…" for the timeout's error.</summary>
    public static string Describe(string nodeGroupName, ReplacementStatus status, DateTimeOffset changedAt)
    {
        ArgumentNullException.ThrowIfNull(status);
        var waited = status.Deadline - changedAt;
        return string.Create(CultureInfo.InvariantCulture,
            $"node group {nodeGroupName}: {status.OnOldImage.Count} running instance{(status.OnOldImage.Count == 1 ? "" : "s")} still on the old image " +
            $"{waited.TotalMinutes:0} min after the update ({string.Join(", ", status.OnOldImage)}): PCS replaces a node only once its jobs end (guide L2667)");
    }
}
