using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

public class QueueTests
{
    [Fact] // guide L3683: create-queue needs the node group ID, not its name
    public void CreateQueue_NodeGroupName_ValidationException()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));

        var error = account.PcsError("CreateQueue", """{"clusterIdentifier":"c","queueName":"demo","computeNodeGroupConfigurations":[{"computeNodeGroupId":"compute-1"}]}""");

        Assert.Equal("ValidationException", error.Code);
        Assert.Empty(account.Cluster("c").Queues);
    }

    [Fact] // guide L2632: a node group joins a queue only once ACTIVE
    public void CreateQueue_NodeGroupCreating_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4, status: "CREATING"));
        var groupId = account.Group("c", "compute-1").Id;

        var error = account.PcsError("CreateQueue", $$"""{"clusterIdentifier":"c","queueName":"demo","computeNodeGroupConfigurations":[{"computeNodeGroupId":"{{groupId}}"}]}""");

        Assert.Equal("ConflictException", error.Code);
    }

    [Fact] // guide L10922: 10 queues per cluster, not adjustable
    public void CreateQueue_EleventhQueue_ServiceQuotaExceeded()
    {
        var scenario = Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4);
        for (var i = 1; i <= 10; i++) scenario.WithQueue($"queue-{i}", "compute-1");
        var account = new TestAccount(scenario);

        var error = account.PcsError("CreateQueue", """{"clusterIdentifier":"c","queueName":"queue-11"}""");

        Assert.Equal("ServiceQuotaExceededException", error.Code);
    }

    [Fact] // guide L10827, L3707: CREATING, then ACTIVE; ARN .../queue/<id> (L10809)
    public void CreateQueue_Valid_CreatingThenActive()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var groupId = account.Group("c", "compute-1").Id;

        var queue = account.Pcs("CreateQueue", $$"""{"clusterIdentifier":"c","queueName":"demo","computeNodeGroupConfigurations":[{"computeNodeGroupId":"{{groupId}}"}]}""")["queue"]!;

        Assert.Equal("CREATING", queue["status"]!.GetValue<string>());
        Assert.EndsWith($"/queue/{queue["id"]!.GetValue<string>()}", queue["arn"]!.GetValue<string>(), StringComparison.Ordinal);
        account.Advance(TimeSpan.FromMinutes(5));
        var active = account.Pcs("GetQueue", """{"clusterIdentifier":"c","queueIdentifier":"demo"}""")["queue"]!;
        Assert.Equal("ACTIVE", active["status"]!.GetValue<string>());
        Assert.Equal(groupId, active["computeNodeGroupConfigurations"]![0]!["computeNodeGroupId"]!.GetValue<string>());
    }

    [Fact] // guide L3758-3781: the list given is the full new set of associations
    public void UpdateQueue_EmptyAssociations_DetachesEveryGroup()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4).WithQueue("demo", "compute-1"));

        account.Pcs("UpdateQueue", """{"clusterIdentifier":"c","queueIdentifier":"demo","computeNodeGroupConfigurations":[]}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(account.Cluster("c").FindQueue("demo")!.ComputeNodeGroupIds);
        account.Pcs("DeleteComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1"}"""); // now allowed (L2751)
    }

    [Fact] // guide L3818: Deleting, then gone
    public void DeleteQueue_Active_DeletingThenNotFound()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4).WithQueue("demo", "compute-1"));

        account.Pcs("DeleteQueue", """{"clusterIdentifier":"c","queueIdentifier":"demo"}""");
        Assert.Equal("DELETING", account.Cluster("c").FindQueue("demo")!.Status);
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("ResourceNotFoundException", account.PcsError("GetQueue", """{"clusterIdentifier":"c","queueIdentifier":"demo"}""").Code);
    }
}
