using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Tests.Rotation;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class NotificationTrackerTests
{
    private const string Arn = RotationSummaryTests.Arn;

    /// <summary>A state's exit whose output carries <paramref name="detail"/> in <c>$.notification.detail</c>, as the notify fragment leaves it.</summary>
    private static HistoryEvent Exited(long id, string state, JsonObject? detail) =>
        TimelineTests.Exited(id, (int)id, state) is var e
            ? e with
            {
                StateExitedEventDetails = e.StateExitedEventDetails! with
                {
                    Output = new JsonObject
                    {
                        ["plan"] = new JsonObject { ["clusterId"] = "pcs_abc1234567" },
                        ["notification"] = detail is null ? null : new JsonObject { ["subject"] = "s", ["detail"] = detail },
                    }.ToJsonString(),
                },
            }
            : e;

    [Fact]
    public void Add_StartingThenSucceeded_TheSucceededDetail()
    {
        var tracker = new NotificationTracker(Arn);

        tracker.Add([
            Exited(1, "PrepareNotificationStarting", RotationSummaryTests.Detail("Starting")),
            Exited(2, "NotifyStarting", RotationSummaryTests.Detail("Starting")),
            Exited(3, "PrepareNotificationSucceeded", RotationSummaryTests.Detail("Succeeded", RotationSummaryTests.SavedCompute, restored: true)),
        ]);

        Assert.Equal("Succeeded", (string?)tracker.LastDetail?["event"]);
        Assert.True((bool)tracker.LastDetail!["scalingRestored"]!);
    }

    [Fact]
    public void Add_Notifications_EachReturnedOnceWithItsEventSubjectAndTime()
    {
        var tracker = new NotificationTracker(Arn);

        var first = tracker.Add([
            Exited(1, "PrepareNotificationStarting", RotationSummaryTests.Detail("Starting")),
            Exited(2, "NotifyStarting", RotationSummaryTests.Detail("Starting")),
        ]);
        var again = tracker.Add([Exited(1, "PrepareNotificationStarting", RotationSummaryTests.Detail("Starting"))]);

        var starting = Assert.Single(first);
        Assert.Equal(("Starting", "s"), (starting.Event, starting.Subject));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 1, TimeSpan.Zero), starting.At);
        Assert.Empty(again);
    }

    [Fact]
    public void Add_CaughtPrepareNotificationLeavingThePreviousOne_NotTakenForItsOwn()
    {
        // PrepareNotificationFailed failed and was caught: $.notification is still the Starting one, with no saved scaling.
        var tracker = new NotificationTracker(Arn);

        tracker.Add([
            Exited(1, "PrepareNotificationStarting", RotationSummaryTests.Detail("Starting")),
            Exited(2, "PrepareNotificationFailed", RotationSummaryTests.Detail("Starting")),
        ]);

        Assert.Equal("Starting", (string?)tracker.LastDetail?["event"]);
        Assert.Null(tracker.LastDetail?["savedScaling"]);
    }

    [Fact]
    public void Add_AnotherExecutionsDetailOrAnotherState_Ignored()
    {
        var tracker = new NotificationTracker(Arn);
        var foreign = RotationSummaryTests.Detail("Succeeded", RotationSummaryTests.SavedCompute, restored: true);
        foreign["executionArn"] = Arn + "-other";

        tracker.Add([
            Exited(1, "PrepareNotificationSucceeded", foreign),
            Exited(2, "ReleaseClusterLease", RotationSummaryTests.Detail("Succeeded")),
            Exited(3, "PrepareNotificationSucceeded", null),
        ]);

        Assert.Null(tracker.LastDetail);
    }
}
