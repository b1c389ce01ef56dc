using System.Text.Json.Nodes;
using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class ExpirySummaryTests
{
    private const string Arn = "arn:aws:states:us-east-1:111122223333:execution:local-capacity-block-expiry:expire-cr-0b000000000000001-20260105T120000";

    // Block B ends at Now + 4h (12:00Z): EC2 terminates from 11:30Z, every action is due by 11:15Z.
    private static readonly Domain.CapacityBlocks.CapacityReservationFacts BlockB = Account().Reservations.Single(r => r.ReservationId == B);

    private static PreparedNotification Notification(string clusterId, string clusterName, string notificationEvent, DateTimeOffset at, string facts) =>
        new(at, notificationEvent, null, (JsonNode.Parse(facts) as JsonObject)!.Also(d =>
        {
            d["clusterId"] = clusterId;
            d["clusterName"] = clusterName;
            d["event"] = notificationEvent;
        }));

    private static ExecutionResult Result(string status, string? output, params PreparedNotification[] notifications) =>
        new(Arn, status, Now, Now.AddHours(3), output, status == "SUCCEEDED" ? null : "CapacityBlockNeedsOperator", null, Notifications: notifications);

    private static string Render(ExpirySummary summary)
    {
        using var console = new StringConsole();
        console.Console.Write(ExpirySummaryRenderer.Render(summary));
        return console.Text;
    }

    [Fact]
    public void From_ClustersLastNotifications_GroupsQueuesParkedAndAlerts()
    {
        var summary = ExpirySummary.From(Result("FAILED", null,
            Notification("pcs_a", "capacity", "Starting", Now.AddHours(2.5), """{"groups":[{"nodeGroupName":"gpu-b","action":"failover","replacementNodeGroupName":"gpu-b-fallback","remaining":["update-queues","scale-to-zero"]}]}"""),
            Notification("pcs_a", "capacity", "Succeeded", Now.AddHours(2.6), """
                {"groups":[{"nodeGroupName":"gpu-b","action":"failover","replacementNodeGroupName":"gpu-b-fallback","remaining":[]}],
                 "queues":[{"queueName":"gpu-b","before":["gpu-b"],"after":["gpu-b-fallback"],"done":true}],
                 "parked":[{"nodeGroupId":"pcs_b","nodeGroupName":"gpu-b","minInstanceCount":0,"maxInstanceCount":2}]}
                """),
            Notification("pcs_z", "capacity-2", "NeedsOperator", Now.AddHours(2.7), """
                {"groups":[{"nodeGroupName":"shared-b","action":"wind-down","remaining":["scale-to-zero"]}],
                 "findings":[{"code":"queue-left-waiting","message":"queue shared: waits forever","needsOperator":true},{"code":"x","message":"quiet","needsOperator":false}],
                 "failure":{"error":"Pcs.ConflictException","cause":"busy"}}
                """)), BlockB);

        Assert.Equal(["capacity", "capacity-2"], summary.Clusters.Select(c => c.ClusterName));
        var first = summary.Clusters[0];
        Assert.Equal("Succeeded", first.Event); // the cluster's last notification, not its Starting
        Assert.Equal(["gpu-b: failover to gpu-b-fallback: done"], first.Groups);
        Assert.Equal(["queue gpu-b: gpu-b → gpu-b-fallback (done)"], first.Queues);
        Assert.Equal(["gpu-b: min 0 max 2 saved, at 0/0 now"], first.Parked);
        Assert.Equal(["gpu-b", "gpu-b-fallback"], first.NodeGroupNames);
        var second = summary.Clusters[1];
        Assert.Equal(["shared-b: wind-down: left scale-to-zero"], second.Groups);
        Assert.Equal(["queue shared: waits forever"], second.Alerts);
        Assert.Equal("Pcs.ConflictException: busy", second.Failure);
    }

    [Fact]
    public void Render_Clusters_WhenEachEndedAgainstEcTwosTermination()
    {
        var text = Render(ExpirySummary.From(Result("SUCCEEDED", "{}",
            Notification("pcs_a", "capacity", "Succeeded", Now.AddHours(2.5).AddSeconds(30), """{"groups":[]}"""),
            Notification("pcs_z", "capacity-2", "NeedsOperator", Now.AddHours(3.6), """{"findings":[{"message":"queue shared: waits forever","needsOperator":true}]}""")), BlockB));

        Assert.Matches(@"EC2 terminates from\s+│ 2026-01-05 11:30:00Z \(every action due by 2026-01-05 11:15:00Z, 15 minutes before\)", text);
        Assert.Matches(@"capacity \(pcs_a\)\s+│ Succeeded at 2026-01-05 10:30:30Z, 59m before EC2's termination", text);
        Assert.Contains("NeedsOperator at 2026-01-05 11:36:00Z, 6m AFTER EC2's termination began", text, StringComparison.Ordinal);
        Assert.Contains("NEEDS OPERATOR: queue shared: waits forever", text, StringComparison.Ordinal);
    }

    [Fact] // guide L3472-3476: a paid extension moves the end; the run for the new end takes over
    public void From_Superseded_TheOutcomeAndNoCluster()
    {
        var summary = ExpirySummary.From(Result("SUCCEEDED", """
            {"reservationId":"cr-0b000000000000001","outcome":"superseded","reason":"block cr-0b000000000000001 now ends at 2026-01-06 12:00Z","newEndDate":"2026-01-06T12:00:00Z"}
            """), BlockB);

        Assert.Equal("superseded: block cr-0b000000000000001 now ends at 2026-01-06 12:00Z", summary.Outcome);
        Assert.Empty(summary.Clusters);
        Assert.Contains("outcome", Render(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void From_SkippedCluster_LeftAloneWithWhy()
    {
        var summary = ExpirySummary.From(Result("SUCCEEDED", """
            {"plan":{"skipped":[{"clusterId":"pcs_lab","clusterName":"lab","reason":"not tagged pcs-automation:managed=true"}]},"result":{"clusters":[]}}
            """), BlockB);

        Assert.Equal(["lab: not tagged pcs-automation:managed=true"], summary.LeftAlone);
        Assert.Null(summary.Outcome);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
