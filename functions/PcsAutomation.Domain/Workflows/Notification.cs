using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Workflows;

/// <summary>What a workflow tells people (SNS subject and message) and automation (the custom event's detail-type).</summary>
public sealed record Notification(string Subject, string Message, string DetailType);

/// <summary>The events every workflow notifies; the state machines pass them by these names.</summary>
public static class NotificationEvents
{
    /// <summary>Before the first change (users' jobs are about to stop).</summary>
    public const string Starting = "Starting";

    public const string Succeeded = "Succeeded";

    /// <summary>The workflow failed; capacity is back at its saved scaling (or was never changed).</summary>
    public const string Failed = "Failed";

    /// <summary>Capacity could not be restored: a person must restore it by hand.</summary>
    public const string NeedsOperator = "NeedsOperator";

    /// <summary>Ahead of a maintenance window in which the workflow will run (guide L2417: inform the cluster's users first).</summary>
    public const string AdvanceNotice = "AdvanceNotice";

    public static IReadOnlyList<string> All { get; } = [Starting, Succeeded, Failed, NeedsOperator, AdvanceNotice];
}

/// <summary>A failure as the state machine caught it (<c>{"Error": ..., "Cause": ...}</c>).</summary>
public sealed record WorkflowFailure(string? Error, string? Cause);

/// <summary>The saved scaling as the lease holds it when a notification is sent: what was, or must be, restored.</summary>
/// <param name="Restored">True once a restore of <paramref name="Saved"/> was verified.</param>
public sealed record LeaseScaling(IReadOnlyList<NodeGroupScaling> Saved, bool Restored);

/// <summary>Text every workflow's notifications share.</summary>
public static class NotificationText
{
    /// <summary>
    /// SNS subjects must be UTF-8 text with no line breaks or control characters, and less than 100 characters long
    /// (Publish API, https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sns/aws.sdk.kotlin.services.sns.model/-publish-request/subject.html).
    /// </summary>
    public const int MaxSubjectLength = 99;

    /// <summary>A valid SNS subject: control characters become spaces, and a long text is cut with "...".</summary>
    public static string Subject(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length <= MaxSubjectLength ? clean : clean[..(MaxSubjectLength - 3)] + "...";
    }

    /// <summary>"compute-a 0/8, compute-b 2/2" (none: "no node group").</summary>
    public static string Scaling(IEnumerable<NodeGroupScaling> groups)
    {
        var text = string.Join(", ", groups);
        return text.Length == 0 ? "no node group" : text;
    }

    /// <summary>
    /// The AWS CLI commands that put each saved group back by hand, one at a time (PCS accepts one update per group at a
    /// time; UpdateComputeNodeGroup's scalingConfiguration, ../shared/reference/botocore/pcs.service-2.json).
    /// </summary>
    public static IReadOnlyList<string> RestoreCommands(string clusterId, IEnumerable<NodeGroupScaling> saved) =>
        [.. saved.Select(s =>
            $"aws pcs update-compute-node-group --cluster-identifier {clusterId} --compute-node-group-identifier {s.NodeGroupId} " +
            $"--scaling-configuration minInstanceCount={s.MinInstanceCount},maxInstanceCount={s.MaxInstanceCount}")];
}
