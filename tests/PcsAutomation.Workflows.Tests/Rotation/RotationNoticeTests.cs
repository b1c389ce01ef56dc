using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// The advance notice (guide L2417: tell the cluster's users of the coming window first), sent by the template's hourly
/// reconciler schedule on the virtual clock, through RotationNoticeStateMachine, once per window.
/// </summary>
public class RotationNoticeTests
{
    // Saturday 00:00 UTC: the default window (sun:02:00-sun:06:00) opens 26 hours later; the default lead time is 24 h.
    private static readonly DateTimeOffset Saturday = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowOpens = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReconcilerSchedule_RotationDueInTheNextWindow_OneAdvanceNoticeADayAheadThenTheRotation()
    {
        var reconciled = new List<JsonNode>();
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["RotationReconcilerFunction"] = inner => async (payload, token) =>
            {
                var response = await inner(payload, token);
                lock (reconciled) reconciled.Add(JsonNode.Parse(response)!);
                return response;
            },
        };
        // Secret created at the start and due after an hour: due long before the window opens.
        var scenario = DeployedStack.ManagedCluster("demo", 1).WithTag("pcs-automation:rotation-max-age", "1h");
        await using var workflow = await DeployedStack.StartAsync(scenario, wrap, start: Saturday);
        var clusterId = workflow.ClusterId("demo");

        Assert.True(
            await workflow.Aws.RunUntilAsync(() => workflow.Executions is [{ IsComplete: true }], TimeSpan.FromHours(30)),
            "the schedule started no rotation in the window, or it did not finish");

        var notice = Assert.Single(workflow.ExecutionsOf(DeployedStack.NoticeStateMachine));
        Assert.True(notice.Status == ExecutionStatus.Succeeded, $"{notice.Error}: {notice.Cause}");
        Assert.Equal(WindowOpens - TimeSpan.FromHours(24), notice.StartDate);
        var rotation = Assert.Single(workflow.Executions);
        Assert.True(rotation.Status == ExecutionStatus.Succeeded, $"{rotation.Error}: {rotation.Cause}");
        Assert.Equal(WindowOpens, rotation.StartDate);
        // Every hourly run in between saw the notice already sent: once per window, not once per run.
        var runsWithNotice = reconciled.Count(r => r["notices"]!.AsArray().Count > 0);
        var runsAfterNotice = reconciled.Count(r => r["skipped"]!.AsArray().Any(s => ((string?)s!["reason"])!.Contains("advance notice already sent", StringComparison.Ordinal)));
        Assert.Equal(1, runsWithNotice);
        Assert.True(runsAfterNotice >= 20, $"{runsAfterNotice} reconciler runs between the notice and the window");
        Assert.Equal([Notifications.Scheduled, Notifications.Started, Notifications.Succeeded], workflow.NotificationTypes);
        var scheduled = workflow.NotificationDetail(Notifications.Scheduled);
        Assert.Equal(clusterId, (string?)scheduled["clusterId"]);
        Assert.Equal(notice.Arn, (string?)scheduled["executionArn"]);
        Assert.Equal(WindowOpens, DateTimeOffset.Parse((string)scheduled["windowOpensAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("sun:02:00-sun:06:00", (string?)scheduled["maintenanceWindow"]);
        Assert.Null(scheduled["savedScaling"]);   // a notice holds no lease and changes nothing
        var message = workflow.TopicMessages[0];
        Assert.Contains("demo", message.Subject, StringComparison.Ordinal);
        Assert.Contains("2026-01-11T02:00Z", message.Message, StringComparison.Ordinal);
        Assert.Contains("running jobs will stop", message.Message, StringComparison.Ordinal);
        Assert.Equal(3, workflow.TopicMessages.Count);
        workflow.AssertNoSecretValueAnywhere();
    }
}
