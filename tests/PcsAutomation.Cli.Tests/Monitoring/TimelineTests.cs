using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class TimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    internal static HistoryEvent Event(long id, int seconds, string type, Func<HistoryEvent, HistoryEvent>? details = null)
    {
        var e = new HistoryEvent { Id = id, Timestamp = Start.AddSeconds(seconds), Type = HistoryEventType.FindValue(type) };
        return details is null ? e : details(e);
    }

    internal static HistoryEvent Entered(long id, int seconds, string state, string type = "TaskStateEntered") =>
        Event(id, seconds, type, e => e with { StateEnteredEventDetails = new StateEnteredEventDetails { Name = state } });

    internal static HistoryEvent Exited(long id, int seconds, string state, string type = "TaskStateExited") =>
        Event(id, seconds, type, e => e with { StateExitedEventDetails = new StateExitedEventDetails { Name = state } });

    [Fact]
    public void Add_EnteredThenExited_OneLineEachWithElapsedAndTimeInState()
    {
        var timeline = new Timeline();

        var lines = timeline.Add([Event(1, 0, "ExecutionStarted"), Entered(2, 1, "PlanRotation"), Exited(3, 4, "PlanRotation")]);

        Assert.Equal([TimelineKind.ExecutionStarted, TimelineKind.Entered, TimelineKind.Exited], lines.Select(l => l.Kind));
        Assert.Equal(TimeSpan.FromSeconds(4), lines[2].Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(3), lines[2].InState);
        Assert.Equal("PlanRotation", lines[2].State);
    }

    [Fact]
    public void Add_EventsAlreadySeenOrOutOfOrder_EachReportedOnceInIdOrder()
    {
        var timeline = new Timeline();
        timeline.Add([Event(1, 0, "ExecutionStarted"), Entered(2, 1, "PlanRotation")]);

        var lines = timeline.Add([Exited(4, 5, "IsDryRun", "ChoiceStateExited"), Entered(2, 1, "PlanRotation"), Exited(3, 4, "PlanRotation")]);

        Assert.Equal(["PlanRotation", "IsDryRun"], lines.Select(l => l.State));
        Assert.Equal(4, timeline.LastEventId);
    }

    [Fact]
    public void Add_LambdaFailureInsideAState_NamesTheStateAndTheErrorMessageFromTheCauseJson()
    {
        var timeline = new Timeline();
        var failed = Event(4, 9, "LambdaFunctionFailed", e => e with
        {
            LambdaFunctionFailedEventDetails = new LambdaFunctionFailedEventDetails
            {
                Error = "LeaseHeld",
                Cause = """{"errorMessage":"Cluster pcs_a is held by execution X","errorType":"LeaseHeld"}""",
            },
        });

        var lines = timeline.Add([Event(1, 0, "ExecutionStarted"), Entered(2, 1, "AcquireClusterLease"), Event(3, 1, "LambdaFunctionScheduled"), failed]);

        var line = Assert.Single(lines, l => l.Kind == TimelineKind.Failed);
        Assert.Equal("AcquireClusterLease", line.State);
        Assert.Equal("LeaseHeld: Cluster pcs_a is held by execution X", line.Detail);
    }

    [Fact]
    public void Add_ExecutionFailed_EndLineWithErrorAndCause()
    {
        var timeline = new Timeline();

        var lines = timeline.Add([Event(1, 0, "ExecutionStarted"), Event(2, 70, "ExecutionFailed", e => e with
        {
            ExecutionFailedEventDetails = new ExecutionFailedEventDetails { Error = "RotationFailed", Cause = "instances still running" },
        })]);

        Assert.Equal(TimelineKind.ExecutionFailed, lines[1].Kind);
        Assert.Equal("RotationFailed: instances still running", lines[1].Detail);
        Assert.Equal(TimeSpan.FromSeconds(70), lines[1].Elapsed);
    }

    [Fact]
    public void Describe_LongMultilineCause_OneShortLine()
    {
        var text = Timeline.Describe("Boom", "line one\n" + new string('x', 500));

        Assert.DoesNotContain('\n', text);
        Assert.Equal(240, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_FailureInAParallelBranch_NamesTheBranchStateNotTheLastEntered()
    {
        var timeline = new Timeline();
        var scheduled = Event(5, 1, "TaskScheduled") with { PreviousEventId = 3 };
        var failed = Event(6, 2, "TaskFailed", e => e with
        {
            PreviousEventId = 5,
            TaskFailedEventDetails = new TaskFailedEventDetails { Error = "SNS.NotFoundException", Cause = "Topic does not exist", Resource = "publish", ResourceType = "sns" },
        });

        var lines = timeline.Add([Event(1, 0, "ExecutionStarted"), Entered(2, 1, "NotifyStarting", "ParallelStateEntered"),
            Entered(3, 1, "PublishStarting"), Entered(4, 1, "PutEventStarting"), scheduled, failed]);

        Assert.Equal("PublishStarting", Assert.Single(lines, l => l.Kind == TimelineKind.Failed).State);
    }
}
