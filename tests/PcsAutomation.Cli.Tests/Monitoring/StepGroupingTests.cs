using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class StepGroupingTests
{
    private const string Definition = """
        {"StartAt":"Scale","States":{
          "Scale":{"Type":"Task","Resource":"x","Next":"StartPolling"},
          "StartPolling":{"Type":"Pass","Next":"CheckDrained"},
          "CheckDrained":{"Type":"Task","Resource":"x","ResultPath":"$.drain","Next":"IsDrained"},
          "IsDrained":{"Type":"Choice","Choices":[{"Variable":"$.drain.drained","BooleanEquals":true,"Next":"Rotate"}],"Default":"WaitForDrain"},
          "WaitForDrain":{"Type":"Wait","SecondsPath":"$.drain.waitSeconds","Next":"CheckDrained"},
          "Rotate":{"Type":"Task","Resource":"x","End":true}}}
        """;

    /// <summary>Builds a sequential history (each event's previousEventId is the one before) and feeds it to a grouping.</summary>
    private sealed class History
    {
        private readonly List<HistoryEvent> events = [];

        public StepGrouping Grouping { get; } = new(StateMachineShape.Parse(Definition));

        public List<StepLine> Lines { get; } = [];

        private readonly Timeline timeline = new();

        public History Add(int seconds, string type, Func<HistoryEvent, HistoryEvent>? details = null)
        {
            var e = TimelineTests.Event(events.Count + 1, seconds, type, details) with { PreviousEventId = events.Count };
            events.Add(e);
            Lines.AddRange(Grouping.Add(e, timeline.Add([e])));
            return this;
        }

        public History State(int entered, int exited, string name, string type = "Task", string? output = null) =>
            Add(entered, $"{type}StateEntered", e => e with { StateEnteredEventDetails = new StateEnteredEventDetails { Name = name } })
                .Add(exited, $"{type}StateExited", e => e with { StateExitedEventDetails = new StateExitedEventDetails { Name = name, Output = output } });

        public History Poll(int at, int instancesUp, bool last = false)
        {
            var ids = string.Join(",", Enumerable.Range(0, instancesUp).Select(i => $"\"i-{i}\""));
            State(at, at, "CheckDrained", output: $$$"""{"drain":{"drained":{{{(instancesUp == 0 ? "true" : "false")}}},"instancesStillUp":[{{{ids}}}],"nodeGroupsNotActive":[]}}""");
            State(at, at, "IsDrained", "Choice");
            return last ? this : State(at, at + 75, "WaitForDrain", "Wait");
        }
    }

    private static List<string> Texts(IEnumerable<StepLine> lines) => [.. lines.Select(l => l.Format())];

    [Fact]
    public void Add_DrainLoop_OneLineWithPollsTimeAndInstancesFromFirstToLast()
    {
        var h = new History().Add(0, "ExecutionStarted").State(0, 2, "Scale").State(2, 2, "StartPolling", "Pass");
        h.Poll(2, 3).Poll(77, 1).Poll(152, 0, last: true).State(152, 272, "Rotate");

        Assert.Equal(
        [
            "2026-01-05 08:00:00Z  +00:00  started  execution",
            "2026-01-05 08:00:02Z  +00:02  done     Scale (2s)",
            "2026-01-05 08:02:32Z  +02:32  waited   for instances to stop: 3 → 0 instances up, 3 polls, 2m 30s",
            "2026-01-05 08:04:32Z  +04:32  done     Rotate (2m 00s)",
        ], Texts(h.Lines));
    }

    [Fact]
    public void Active_WhilePolling_TheLoopLineWithTheLatestCount()
    {
        var h = new History().Add(0, "ExecutionStarted").State(0, 2, "Scale").State(2, 2, "StartPolling", "Pass");
        h.Poll(2, 3).Poll(77, 2);

        var active = Assert.Single(h.Grouping.Active);
        Assert.Equal(StepKind.Waiting, active.Kind);
        Assert.Equal("2026-01-05 08:02:32Z  +02:32  waiting  for instances to stop: 3 → 2 instances up, 2 polls, 2m 30s", active.Format());
        Assert.DoesNotContain(h.Lines, l => l.Kind == StepKind.Waited); // not finished yet
    }

    [Fact]
    public void Add_LoopLeftBeforeItsWaitRan_ItsTaskAsAnOrdinaryStep()
    {
        var h = new History().Add(0, "ExecutionStarted").State(0, 2, "Scale").State(2, 2, "StartPolling", "Pass");
        h.Poll(2, 0, last: true).State(3, 5, "Rotate");

        Assert.Contains("2026-01-05 08:00:02Z  +00:02  done     CheckDrained (0s)", Texts(h.Lines));
        Assert.DoesNotContain(h.Lines, l => l.Kind == StepKind.Waited);
    }

    [Fact]
    public void Add_FailureInsideTheLoopAndExecutionEnd_FailureLineThenTheLoopClosedBeforeTheEnd()
    {
        var h = new History().Add(0, "ExecutionStarted").State(0, 2, "Scale").State(2, 2, "StartPolling", "Pass");
        h.Poll(2, 2);
        h.Add(77, "TaskStateEntered", e => e with { StateEnteredEventDetails = new StateEnteredEventDetails { Name = "CheckDrained" } });
        h.Add(78, "LambdaFunctionFailed", e => e with { LambdaFunctionFailedEventDetails = new LambdaFunctionFailedEventDetails { Error = "Boom", Cause = "it broke" } });
        h.Add(78, "ExecutionFailed", e => e with { ExecutionFailedEventDetails = new ExecutionFailedEventDetails { Error = "Boom", Cause = "it broke" } });

        var texts = Texts(h.Lines);
        Assert.Equal(
        [
            "2026-01-05 08:01:18Z  +01:18  failed   CheckDrained: Boom: it broke",
            "2026-01-05 08:01:17Z  +01:17  waited   for instances to stop: 2 instances up, 2 polls, 1m 15s",
            "2026-01-05 08:01:18Z  +01:18  FAILED   execution: Boom: it broke",
        ], texts[^3..]);
        Assert.Empty(h.Grouping.Active);
    }

    [Fact]
    public void Add_PassChoiceAndTheNotifyFragment_NoLineButTheNotification()
    {
        var grouping = new StepGrouping(StateMachineShape.Unknown);
        var timeline = new Timeline();
        var lines = new List<StepLine>();
        void Add(HistoryEvent e) => lines.AddRange(grouping.Add(e, timeline.Add([e])));

        Add(TimelineTests.Event(1, 0, "ExecutionStarted"));
        Add(TimelineTests.Entered(2, 0, "ValidateInput", "ChoiceStateEntered"));
        Add(TimelineTests.Exited(3, 0, "ValidateInput", "ChoiceStateExited"));
        Add(TimelineTests.Entered(4, 0, "PrepareNotificationStarting"));
        Add(TimelineTests.Exited(5, 1, "PrepareNotificationStarting"));
        Add(TimelineTests.Entered(6, 1, "NotifyStarting", "ParallelStateEntered"));
        Add(TimelineTests.Exited(7, 2, "NotifyStarting", "ParallelStateExited"));
        var notified = new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.Zero, TimelineKind.Notified, "Starting", Detail: "subject");
        lines.AddRange(grouping.Add(TimelineTests.Entered(8, 2, "Work"), [notified]));
        Add(TimelineTests.Exited(9, 5, "Work"));

        Assert.Equal([StepKind.Event, StepKind.Event, StepKind.Done], lines.Select(l => l.Kind));
        Assert.Equal(TimelineKind.Notified, lines[1].Timeline?.Kind);
        Assert.EndsWith("done     Work (3s)", lines[2].Format(), StringComparison.Ordinal);
    }
}
