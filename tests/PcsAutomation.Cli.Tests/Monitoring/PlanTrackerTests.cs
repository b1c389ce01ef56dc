using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class PlanTrackerTests
{
    private static HistoryEvent Exited(long id, string state, JsonObject output) =>
        TimelineTests.Exited(id, (int)id, state) is var e
            ? e with { StateExitedEventDetails = e.StateExitedEventDetails! with { Output = output.ToJsonString() } }
            : e;

    [Fact]
    public void Add_PlanThenLaterStates_TheNewestPlanKept()
    {
        var tracker = new PlanTracker();

        tracker.Add([
            Exited(1, "PlanNodeGroupUpdate", new JsonObject { ["plan"] = new JsonObject { ["canary"] = "a" } }),
            Exited(2, "UpdateCanary", new JsonObject { ["result"] = "no plan here" }),
            Exited(3, "PrepareNotificationFailed", new JsonObject { ["plan"] = new JsonObject { ["canary"] = "b" } }),
        ]);

        Assert.Equal("b", (string?)tracker.LastPlan?["canary"]);
    }

    [Fact]
    public void Add_PlanNotAnObjectOrNoPlan_None()
    {
        var tracker = new PlanTracker();

        tracker.Add([Exited(1, "X", new JsonObject { ["plan"] = "text" }), Exited(2, "Y", new JsonObject { ["notPlan"] = new JsonObject() })]);

        Assert.Null(tracker.LastPlan);
    }
}
