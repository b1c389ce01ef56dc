namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>Kinds of <see cref="QueueOperation"/>.</summary>
public static class QueueOperationKinds
{
    public const string Attach = "attach";
    public const string Detach = "detach";
    public const string Replace = "replace";
}

/// <summary>One change to a queue's node groups: attach <see cref="NodeGroupId"/>, detach it, or replace <see cref="ReplacedNodeGroupId"/> by it.</summary>
public sealed record QueueOperation(string Kind, string NodeGroupId, string? ReplacedNodeGroupId = null)
{
    public static QueueOperation Attach(string nodeGroupId) => new(QueueOperationKinds.Attach, nodeGroupId);

    public static QueueOperation Detach(string nodeGroupId) => new(QueueOperationKinds.Detach, nodeGroupId);

    public static QueueOperation Replace(string oldNodeGroupId, string newNodeGroupId) => new(QueueOperationKinds.Replace, newNodeGroupId, oldNodeGroupId);
}

/// <summary>A queue's node group list before and after: UpdateQueue is sent <see cref="After"/>, the complete list (guide L3758-3781).</summary>
public sealed record QueueEdit(string ClusterId, string QueueId, string QueueName, IReadOnlyList<string> Before, IReadOnlyList<string> After)
{
    public bool Changes() => !Before.SequenceEqual(After, StringComparer.Ordinal);
}

/// <summary>
/// Queue changes as pure list edits. UpdateQueue takes the complete list of a queue's groups (guide L3758-3781), so
/// the handler reads the list, applies these, and writes the result back. Order is kept, a group appears once, and a
/// list never becomes empty: detaching a queue's only group is refused and becomes a finding that names the queue
/// whose jobs will then wait forever (guide L3423-3427, L3484). Applying the same operations again changes nothing.
/// </summary>
public static class QueueEdits
{
    /// <summary>Appends <paramref name="nodeGroupId"/> unless present.</summary>
    public static IReadOnlyList<string> Attach(IReadOnlyList<string> groups, string nodeGroupId)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupId);
        var list = Distinct(groups);
        if (!list.Contains(nodeGroupId, StringComparer.Ordinal))
            list.Add(nodeGroupId);
        return list;
    }

    /// <summary>Inserts <paramref name="nodeGroupId"/> at <paramref name="position"/> (or last) unless present.</summary>
    public static IReadOnlyList<string> AttachAt(IReadOnlyList<string> groups, string nodeGroupId, int position)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupId);
        var list = Distinct(groups);
        if (!list.Contains(nodeGroupId, StringComparer.Ordinal))
            list.Insert(Math.Clamp(position, 0, list.Count), nodeGroupId);
        return list;
    }

    /// <summary>Removes <paramref name="nodeGroupId"/>; null when that would leave the queue without a group (refused).</summary>
    public static IReadOnlyList<string>? Detach(IReadOnlyList<string> groups, string nodeGroupId)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupId);
        var list = Distinct(groups);
        list.Remove(nodeGroupId);
        return list.Count == 0 ? null : list;
    }

    /// <summary>
    /// Puts <paramref name="newNodeGroupId"/> where <paramref name="oldNodeGroupId"/> was; when the new group is already
    /// there the old one is only removed, and when the old one is absent the new one is attached last.
    /// </summary>
    public static IReadOnlyList<string> Replace(IReadOnlyList<string> groups, string oldNodeGroupId, string newNodeGroupId)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentException.ThrowIfNullOrEmpty(oldNodeGroupId);
        ArgumentException.ThrowIfNullOrEmpty(newNodeGroupId);
        var list = Distinct(groups);
        var at = list.IndexOf(oldNodeGroupId);
        if (at < 0)
            return Attach(list, newNodeGroupId);
        if (list.Contains(newNodeGroupId, StringComparer.Ordinal))
            list.RemoveAt(at);
        else
            list[at] = newNodeGroupId;
        return list;
    }

    /// <summary>
    /// Applies <paramref name="operations"/> to <paramref name="queue"/>: attachments and replacements first, then
    /// detachments (so a group put in place counts before one is taken out). A refused detachment leaves the group in
    /// place and adds a finding; <paramref name="expiresAt"/> says in it when the group's block ends.
    /// </summary>
    public static (QueueEdit Edit, IReadOnlyList<CapacityFinding> Refusals) Apply(
        QueueFacts queue, IEnumerable<QueueOperation> operations, Func<string, string>? describeGroup = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(operations);
        var describe = describeGroup ?? (id => id);
        var ordered = operations.OrderBy(o => o.Kind == QueueOperationKinds.Detach ? 1 : 0).ToList();
        IReadOnlyList<string> list = Distinct(queue.NodeGroupIds);
        var refusals = new List<CapacityFinding>();
        foreach (var operation in ordered)
        {
            switch (operation.Kind)
            {
                case QueueOperationKinds.Attach:
                    list = Attach(list, operation.NodeGroupId);
                    break;
                case QueueOperationKinds.Replace:
                    list = Replace(list, operation.ReplacedNodeGroupId ?? throw new ArgumentException("a replace names the group it replaces", nameof(operations)), operation.NodeGroupId);
                    break;
                case QueueOperationKinds.Detach when Detach(list, operation.NodeGroupId) is { } detached:
                    list = detached;
                    break;
                case QueueOperationKinds.Detach:
                    refusals.Add(new(FindingCodes.QueueLeftWaiting, "guide L3423-3427, L3484, L3758-3781",
                        $"queue {queue.Describe()}: node group {describe(operation.NodeGroupId)} is its only group, so it stays attached (a queue keeps at least one); " +
                        $"once its block expires{(expiresAt is { } at ? $" ({Times.Format(at)})" : "")} the queue's jobs, and any submitted after, wait forever: attach another group to {queue.QueueName} or tell its users",
                        queue.ClusterId, operation.NodeGroupId, null, queue.QueueId, NeedsOperator: true));
                    break;
                default:
                    throw new ArgumentException($"unknown queue operation '{operation.Kind}'", nameof(operations));
            }
        }
        return (new QueueEdit(queue.ClusterId, queue.QueueId, queue.QueueName, queue.NodeGroupIds, list), refusals);
    }

    /// <summary>
    /// Read-change-write: <paramref name="edit"/> (planned from the list read then) applied to the list read now,
    /// <paramref name="current"/>. The groups the edit takes out go, the groups it puts in come at their place in
    /// <see cref="QueueEdit.After"/> (clamped to the list), the rest of <paramref name="current"/> stays as it is: on an
    /// unchanged queue the result is <see cref="QueueEdit.After"/>, on a queue already edited it is that list again, and a
    /// group someone attached meanwhile is kept. Null when the result would leave the queue without a group (refused,
    /// guide L3758-3781: a queue keeps at least one).
    /// </summary>
    public static IReadOnlyList<string>? Rebase(QueueEdit edit, IReadOnlyList<string> current)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(current);
        var removed = edit.Before.Except(edit.After, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var list = Distinct(current);
        list.RemoveAll(removed.Contains);
        for (var i = 0; i < edit.After.Count; i++)
        {
            var id = edit.After[i];
            if (!edit.Before.Contains(id, StringComparer.Ordinal) && !list.Contains(id, StringComparer.Ordinal))
                list.Insert(Math.Clamp(i, 0, list.Count), id);
        }
        return list.Count == 0 ? null : list;
    }

    private static List<string> Distinct(IReadOnlyList<string> groups) => groups.Distinct(StringComparer.Ordinal).ToList();
}
