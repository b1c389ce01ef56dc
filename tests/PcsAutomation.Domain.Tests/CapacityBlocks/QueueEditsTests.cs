using CsCheck;
using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class QueueEditsTests
{
    [Fact]
    public void Attach_Absent_AppendedLast_Present_Unchanged()
    {
        Assert.Equal(["a", "b", "x"], QueueEdits.Attach(["a", "b"], "x"));
        Assert.Equal(["a", "x", "b"], QueueEdits.Attach(["a", "x", "b"], "x"));
    }

    [Fact]
    public void AttachAt_Position_InsertedThereOrLastWhenBeyond()
    {
        Assert.Equal(["x", "a", "b"], QueueEdits.AttachAt(["a", "b"], "x", 0));
        Assert.Equal(["a", "b", "x"], QueueEdits.AttachAt(["a", "b"], "x", 7));
    }

    [Fact]
    public void Detach_OneOfSeveral_RemovedKeepingOrder_OnlyGroup_Refused()
    {
        Assert.Equal(["a", "c"], QueueEdits.Detach(["a", "b", "c"], "b"));
        Assert.Equal(["a"], QueueEdits.Detach(["a"], "zz"));
        Assert.Null(QueueEdits.Detach(["b"], "b"));
    }

    [Fact]
    public void Replace_TakesTheOldPosition_NewAlreadyThere_OnlyRemovesOld()
    {
        Assert.Equal(["a", "x", "c"], QueueEdits.Replace(["a", "b", "c"], "b", "x"));
        Assert.Equal(["x", "c"], QueueEdits.Replace(["b", "x", "c"], "b", "x"));
        Assert.Equal(["a", "x"], QueueEdits.Replace(["a", "x"], "b", "x"));
    }

    [Fact]
    public void Apply_DetachingTheOnlyGroup_RefusedLoudlyNamingTheQueue()
    {
        var queue = Queue("gpu", "pcs_gpu");
        var (edit, refusals) = QueueEdits.Apply(queue, [QueueOperation.Detach("pcs_gpu")], id => $"gpu ({id})", End);

        Assert.False(edit.Changes());
        Assert.Equal(["pcs_gpu"], edit.After);
        var refusal = Assert.Single(refusals);
        Assert.Equal((FindingCodes.QueueLeftWaiting, "pcs_qgpu", "pcs_gpu", true), (refusal.Code, refusal.QueueId, refusal.NodeGroupId, refusal.NeedsOperator));
        Assert.Contains("queue gpu (pcs_qgpu): node group gpu (pcs_gpu) is its only group", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("once its block expires (2026-03-02 11:30Z) the queue's jobs, and any submitted after, wait forever", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TwoExpiringGroupsOfOneQueue_SecondDetachRefused()
    {
        var (edit, refusals) = QueueEdits.Apply(Queue("q", "a", "b"), [QueueOperation.Detach("a"), QueueOperation.Detach("b")]);

        Assert.Equal(["b"], edit.After);
        Assert.Equal("b", Assert.Single(refusals).NodeGroupId);
    }

    [Fact]
    public void Apply_DetachBeforeReplaceInTheList_ReplaceAppliedFirstSoNothingIsRefused()
    {
        var (edit, refusals) = QueueEdits.Apply(Queue("q", "a", "b"), [QueueOperation.Detach("a"), QueueOperation.Replace("b", "f")]);

        Assert.Equal(["f"], edit.After);
        Assert.Empty(refusals);
    }

    private static readonly Gen<string[]> Lists = Gen.Char["abcxyz"].Array[1, 6].Select(s => s.Distinct().Select(c => c.ToString()).ToArray());

    /// <summary>What an expiry plan asks of a queue: expiring groups (a, b, c) detached or replaced by groups that do not expire (x, y).</summary>
    [Fact]
    public void Apply_AnyExpiryOperations_NeverEmptyNoDuplicatesAndIdempotent()
    {
        var operation = Gen.OneOf(
            Gen.Char["xy"].Select(c => QueueOperation.Attach(c.ToString())),
            Gen.Char["abc"].Select(c => QueueOperation.Detach(c.ToString())),
            Gen.Select(Gen.Char["abc"], Gen.Char["xy"]).Select(t => QueueOperation.Replace(t.Item1.ToString(), t.Item2.ToString())));
        Gen.Select(Lists, operation.Array[0, 5]).Sample((groups, operations) =>
        {
            var (edit, _) = QueueEdits.Apply(Queue("q", groups), operations);
            var (again, _) = QueueEdits.Apply(Queue("q", [.. edit.After]), operations);
            return edit.After.Count > 0 && edit.After.Distinct().Count() == edit.After.Count && again.After.SequenceEqual(edit.After);
        });
    }

    [Fact]
    public void Rebase_UnchangedQueue_GivesThePlannedList()
    {
        var edit = new QueueEdit(ClusterId, "q1", "gpu", ["a", "old", "c"], ["a", "new", "c"]);

        Assert.Equal(["a", "new", "c"], QueueEdits.Rebase(edit, ["a", "old", "c"]));
        Assert.Equal(["a", "new", "c"], QueueEdits.Rebase(edit, ["a", "new", "c"])); // already applied: the same list again
    }

    [Fact]
    public void Rebase_GroupAttachedSinceThePlan_IsKept()
    {
        var edit = new QueueEdit(ClusterId, "q1", "gpu", ["old", "cpu"], ["cpu"]);

        Assert.Equal(["cpu", "late"], QueueEdits.Rebase(edit, ["old", "cpu", "late"]));
    }

    [Fact]
    public void Rebase_ReplacementBackAndAttachAtPosition_ComeAtTheirPlace()
    {
        Assert.Equal(["gpu"], QueueEdits.Rebase(new QueueEdit(ClusterId, "q1", "gpu", ["fallback"], ["gpu"]), ["fallback"]));
        Assert.Equal(["gpu", "cpu"], QueueEdits.Rebase(new QueueEdit(ClusterId, "q1", "gpu", ["cpu"], ["gpu", "cpu"]), ["cpu"]));
    }

    [Fact]
    public void Rebase_WouldLeaveNoGroup_IsRefused()
    {
        // planned when cpu was there too; cpu was detached by someone since: taking old out would empty the queue
        var edit = new QueueEdit(ClusterId, "q1", "gpu", ["old", "cpu"], ["cpu"]);

        Assert.Null(QueueEdits.Rebase(edit, ["old"]));
    }

    [Fact]
    public void Rebase_OnTheListPlannedFrom_AlwaysGivesTheEditsAfter()
    {
        var operation = Gen.OneOf(
            Gen.Char["xy"].Select(c => QueueOperation.Attach(c.ToString())),
            Gen.Char["abc"].Select(c => QueueOperation.Detach(c.ToString())),
            Gen.Select(Gen.Char["abc"], Gen.Char["xy"]).Select(t => QueueOperation.Replace(t.Item1.ToString(), t.Item2.ToString())));
        Gen.Select(Lists, operation.Array[0, 5]).Sample((groups, operations) =>
        {
            var (edit, _) = QueueEdits.Apply(Queue("q", groups), operations);
            return QueueEdits.Rebase(edit, edit.Before) is { } after && after.SequenceEqual(edit.After)
                && QueueEdits.Rebase(edit, edit.After) is { } again && again.SequenceEqual(edit.After);
        });
    }
}
