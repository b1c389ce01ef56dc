using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Report;
using static PcsAutomation.Cli.Tests.Monitoring.TimelineTests;

namespace PcsAutomation.Cli.Tests.Report;

public class RunHistoryTests
{
    private static HistoryEvent After(HistoryEvent e, long previous) => e with { PreviousEventId = previous };

    private static HistoryEvent Scheduled(long id, int seconds, string function) =>
        Event(id, seconds, "TaskScheduled", e => e with
        {
            TaskScheduledEventDetails = new TaskScheduledEventDetails
            {
                ResourceType = "lambda", Resource = "invoke", Region = "us-east-1",
                Parameters = "{\"FunctionName\":\"arn:aws:lambda:us-east-1:111122223333:function:" + function + "\",\"Payload\":{}}",
            },
        });

    private static HistoryEvent Failed(long id, int seconds, string error) =>
        Event(id, seconds, "TaskFailed", e => e with { TaskFailedEventDetails = new TaskFailedEventDetails { ResourceType = "lambda", Resource = "invoke", Error = error } });

    /// <summary>Check (fails once, retried, succeeds), IsDone, Wait, Check again, IsDone, Done; a publish to SNS on the way.</summary>
    private static readonly HistoryEvent[] Polling =
    [
        Event(1, 0, "ExecutionStarted"),
        After(Entered(2, 0, "Check"), 1),
        After(Scheduled(3, 0, "check-fn"), 2),
        After(Failed(4, 1, "TransientAwsError"), 3),
        After(Scheduled(5, 3, "check-fn"), 4),
        After(Event(6, 4, "TaskSucceeded"), 5),
        After(Exited(7, 4, "Check"), 6),
        After(Entered(8, 4, "IsDone", "ChoiceStateEntered"), 7),
        After(Exited(9, 4, "IsDone", "ChoiceStateExited"), 8),
        After(Entered(10, 4, "Wait", "WaitStateEntered"), 9),
        After(Exited(11, 34, "Wait", "WaitStateExited"), 10),
        After(Entered(12, 34, "Check"), 11),
        After(Scheduled(13, 34, "check-fn"), 12),
        After(Event(14, 35, "TaskSucceeded"), 13),
        After(Exited(15, 35, "Check"), 14),
        After(Entered(16, 35, "IsDone", "ChoiceStateEntered"), 15),
        After(Exited(17, 35, "IsDone", "ChoiceStateExited"), 16),
        After(Entered(18, 35, "Publish"), 17),
        After(Event(19, 35, "TaskScheduled", e => e with { TaskScheduledEventDetails = new TaskScheduledEventDetails { ResourceType = "sns", Resource = "publish", Region = "us-east-1", Parameters = "{}" } }), 18),
        After(Event(20, 36, "TaskSucceeded"), 19),
        After(Exited(21, 36, "Publish"), 20),
        After(Entered(22, 36, "Done", "SucceedStateEntered"), 21),
        After(Event(23, 36, "ExecutionSucceeded"), 22),
    ];

    [Fact]
    public void From_PollingWithOneRetry_VisitsPathRetriesAndTransitionsAsStepFunctionsBills()
    {
        var history = RunHistory.From(Polling);

        Assert.Equal(2, history.Visits["Check"]);
        Assert.Equal(2, history.Visits["IsDone"]);
        Assert.Equal(1, history.Visits["Wait"]);
        Assert.Equal(7, history.StatesEntered);
        Assert.Equal(1, history.Retries);
        Assert.Equal(8, history.StateTransitions); // states entered + retries
        var expected = new HashSet<(string, string)> { ("Check", "IsDone"), ("IsDone", "Wait"), ("Wait", "Check"), ("IsDone", "Publish"), ("Publish", "Done") };
        Assert.True(history.Taken.SetEquals(expected), string.Join(", ", history.Taken));
    }

    [Fact]
    public void From_PollingWithOneRetry_TasksNamedFailuresKeptAndStaysTimed()
    {
        var history = RunHistory.From(Polling);

        Assert.Equal(3, history.LambdaInvocations);
        Assert.All(history.Tasks.Where(t => t.Service == "lambda"), t => Assert.Equal("check-fn", t.Target));
        Assert.Equal("TransientAwsError", Assert.Single(history.Tasks, t => t.Error is not null).Error);
        Assert.Single(history.Tasks, t => t.Target == "sns:publish");
        var wait = Assert.Single(history.Steps, s => s.State == "Wait");
        Assert.Equal(TimeSpan.FromSeconds(30), wait.Exited - wait.Entered);
        Assert.Null(Assert.Single(history.Steps, s => s.State == "Done").Exited);
    }

    [Fact]
    public void From_TaskFailsAfterItsRetriesAndIsCaught_TheTransitionIsCaughtNotTaken()
    {
        HistoryEvent[] events =
        [
            Event(1, 0, "ExecutionStarted"),
            After(Entered(2, 0, "Update"), 1),
            After(Scheduled(3, 0, "update-fn"), 2),
            After(Failed(4, 1, "TransientAwsError"), 3),
            After(Scheduled(5, 3, "update-fn"), 4),                 // retried: the first failure is not the stay's fate
            After(Failed(6, 4, "NodeGroupNotFound"), 5),
            After(Exited(7, 4, "Update"), 6),
            After(Entered(8, 4, "Report"), 7),
            After(Scheduled(9, 4, "report-fn"), 8),
            After(Event(10, 5, "TaskSucceeded"), 9),
            After(Exited(11, 5, "Report"), 10),
            After(Entered(12, 5, "Done", "SucceedStateEntered"), 11),
            After(Event(13, 5, "ExecutionSucceeded"), 12),
        ];

        var history = RunHistory.From(events);

        Assert.Equal([("Update", "Report")], history.Caught);
        Assert.True(history.Taken.SetEquals([("Report", "Done")]), string.Join(", ", history.Taken));
        Assert.Empty(RunHistory.From(Polling).Caught);                // a failure retried and then succeeded catches nothing
    }
}
