using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary><c>GET /nodes/</c>, <c>/node/{name}</c> and <c>POST /node/{name}</c> (DRAIN, RESUME): Slurm's nodes on the emulated fleet.</summary>
public class SlurmRestNodesTests
{
    private const string Drain = """{"state":["DRAIN"],"reason":"pcs-automation rotation exec-1"}""";
    private const string Resume = """{"state":["RESUME"]}""";

    [Fact] // guide L997: every node of a queue's group, idle~ (powered down) while no instance runs; L1002: login groups in no queue are not nodes
    public void Nodes_NoInstances_EveryNodeOfQueuedGroupsPoweredDown()
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest()
            .WithNodeGroup("login", 1, 1).WithNodeGroup("compute-1", 0, 4).WithQueue("demo", "compute-1"));

        var nodes = account.Ok("GET", "/slurm/v0.0.43/nodes/")["nodes"]!.AsArray();

        Assert.Equal(["compute-1-1", "compute-1-2", "compute-1-3", "compute-1-4"], nodes.Select(n => (string)n!["name"]!));
        Assert.All(nodes, n => Assert.Equal(["IDLE", "CLOUD", "POWERED_DOWN"], RestAccount.States((System.Text.Json.Nodes.JsonObject)n!)));
        Assert.All(nodes, n => Assert.Equal("demo", (string)n!["partitions"]![0]!));
    }

    [Fact]
    public void Nodes_JobRunning_ItsNodeAllocatedWithTheInstance()
    {
        var account = new RestAccount();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromHours(1));
        account.Advance(TimeSpan.FromMinutes(2));
        var instance = account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().InstanceId;

        var node = account.Node("compute-1");

        Assert.Equal(["ALLOCATED", "CLOUD"], RestAccount.States(node));
        Assert.Equal(instance, (string)node["instance_id"]!);
        Assert.Equal("compute-1", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().Node);
    }

    [Fact] // drain: the running job finishes on its node (ALLOCATED+DRAIN, sinfo's "draining"), then the node is IDLE+DRAIN and takes no job
    public void Drain_NodeRunningAJob_JobFinishesAndNoNewJobStartsThere()
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("compute", 0, 1).WithQueue("q", "compute"));
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(30));
        account.Advance(TimeSpan.FromMinutes(2));

        account.Ok("POST", "/slurm/v0.0.43/node/compute-1", Drain);
        var draining = account.Node("compute-1");
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(10));
        account.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(["ALLOCATED", "DRAIN", "CLOUD"], RestAccount.States(draining));
        Assert.Equal(("pcs-automation rotation exec-1", "ec2-user"), ((string)draining["reason"]!, (string)draining["reason_set_by_user"]!));
        var jobs = account.Aws.Slurm.Jobs(RestAccount.Cluster);
        Assert.Equal(("COMPLETED", 0), (jobs[0].State, jobs[0].Requeues));
        Assert.Equal("PENDING", jobs[1].State);
        Assert.Contains("DRAIN", RestAccount.States(account.Node("compute-1")));
    }

    [Fact] // RESUME clears DRAIN: the waiting job starts
    public void Resume_DrainedNode_PendingJobStarts()
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("compute", 0, 1).WithQueue("q", "compute"));
        account.Ok("POST", "/slurm/v0.0.43/node/compute-1", Drain);
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(10));
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("PENDING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);
        Assert.Equal(0, account.Aws.State.InstancesOfNodeGroup(account.Aws.State.FindCluster("c")!.FindNodeGroup("compute")!.Id).Count(i => i.IsUp));

        account.Ok("POST", "/slurm/v0.0.43/node/compute-1", Resume);
        account.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("RUNNING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);
        Assert.DoesNotContain("DRAIN", RestAccount.States(account.Node("compute-1")));
    }

    [Fact] // slurmctld takes a hostlist in the node name
    public void Drain_HostlistInThePath_EveryNodeDrained()
    {
        var account = new RestAccount();

        account.Ok("POST", "/slurm/v0.0.43/node/compute-[1-2]", Drain);

        Assert.All(account.Aws.Slurm.Nodes(RestAccount.Cluster), n => Assert.True(n.IsDrained));
        Assert.Equal(2, account.Aws.Slurm.Nodes(RestAccount.Cluster).Count);
    }

    [Fact] // node_mgr.c _valid_node_state_change: RESUME needs a drained (or down) node; ESLURM_INVALID_NODE_STATE is HTTP 500
    public void Resume_NodeNotDrained_2028AndNothingChanged()
    {
        var account = new RestAccount();
        account.Ok("POST", "/slurm/v0.0.43/node/compute-1", Drain);

        var (status, error) = account.Fails("POST", "/slurm/v0.0.43/node/compute-[1-2]", Resume);

        Assert.Equal((500, 2028, "Failure to update node compute-[1-2]", "_update_node"),
            (status, (int)error["error_number"]!, (string)error["description"]!, (string)error["source"]!));
        Assert.True(account.Aws.Slurm.Nodes(RestAccount.Cluster)[0].IsDrained); // the whole request refused
    }

    [Fact]
    public void Drain_UnknownNode_2018InvalidNodeName()
    {
        var account = new RestAccount();

        var (status, error) = account.Fails("POST", "/slurm/v0.0.43/node/compute-9", Drain);

        Assert.Equal((500, 2018, "Invalid node name specified"), (status, (int)error["error_number"]!, (string)error["error"]!));
        Assert.DoesNotContain(account.Aws.Slurm.Nodes(RestAccount.Cluster), n => n.IsDrained);
    }

    [Fact]
    public void UpdateNode_StateNotEmulated_RefusedNamingTheStates()
    {
        var account = new RestAccount();

        var (_, error) = account.Fails("POST", "/slurm/v0.0.43/node/compute-1", """{"state":["DOWN"],"reason":"x"}""");

        Assert.Equal(2028, (int)error["error_number"]!);
        Assert.Contains("DRAIN, RESUME, UNDRAIN", (string)error["description"]!, StringComparison.Ordinal);
    }

    [Fact] // POST /nodes/ takes the names in "name"
    public void UpdateNodes_Batch_DrainsTheNamedNodes()
    {
        var account = new RestAccount();

        account.Ok("POST", "/slurm/v0.0.43/nodes/", """{"name":["compute-2"],"state":["DRAIN"],"reason":"r"}""");

        Assert.Equal([false, true], account.Aws.Slurm.Nodes(RestAccount.Cluster).Select(n => n.IsDrained));
    }

    [Fact] // a drained idle node stays a node (scale-down is PCS's business): powered down, still DRAIN
    public void Drain_IdleNodeScaledDown_StillListedDrained()
    {
        var account = new RestAccount();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(5));
        account.Advance(TimeSpan.FromMinutes(2));
        account.Ok("POST", "/slurm/v0.0.43/node/compute-1", Drain);

        account.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["IDLE", "DRAIN", "CLOUD", "POWERED_DOWN"], RestAccount.States(account.Node("compute-1")));
    }
}
