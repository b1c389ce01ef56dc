using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>The product's AmazonPCSClient, unchanged, against the emulator: lifecycle, paginators and the typed errors.</summary>
public sealed class PcsClientTests
{
    private static CreateClusterRequest NewCluster(string name) => new()
    {
        ClusterName = name,
        Scheduler = new SchedulerRequest { Type = SchedulerType.SLURM, Version = "25.05" },
        Size = Size.SMALL,
        Networking = new NetworkingRequest { SubnetIds = ["subnet-1"], SecurityGroupIds = ["sg-1"] },
    };

    private static CreateComputeNodeGroupRequest NewGroup(string cluster, string name, int min, int max) => new()
    {
        ClusterIdentifier = cluster,
        ComputeNodeGroupName = name,
        SubnetIds = ["subnet-1"],
        CustomLaunchTemplate = new CustomLaunchTemplate { Id = "lt-0123456789abcdef0", Version = "1" },
        IamInstanceProfileArn = "arn:aws:iam::111122223333:instance-profile/AWSPCS-test",
        ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = min, MaxInstanceCount = max },
        InstanceConfigs = [new InstanceConfig { InstanceType = "c6i.xlarge" }],
    };

    [Fact] // guide L1883, L1938: CREATING then ACTIVE; L1887: one cluster CREATING at a time; L2282: pcs_ ids
    public async Task CreateCluster_ThroughClient_CreatingThenActiveAndSecondCreateQuotaExceeded()
    {
        await using var clients = await ProductClients.StartAsync();

        var created = (await clients.Pcs.CreateClusterAsync(NewCluster("first"))).Cluster!;
        var quota = await Assert.ThrowsAsync<ServiceQuotaExceededException>(() => clients.Pcs.CreateClusterAsync(NewCluster("second")));
        clients.Advance(TimeSpan.FromMinutes(10));
        var fetched = (await clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "first" })).Cluster!;

        Assert.Matches("^pcs_[a-z0-9]{10}$", created.Id);
        Assert.Equal(ClusterStatus.CREATING, created.Status);
        Assert.Equal(402, (int)quota.StatusCode);
        Assert.Equal(ClusterStatus.ACTIVE, fetched.Status);
        Assert.Equal(created.Id, fetched.Id);
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-", fetched.SlurmConfiguration!.AuthKey!.SecretArn);
    }

    [Fact] // guide: node group and queue lifecycle; delete order queue → node group → cluster
    public async Task NodeGroupAndQueue_ThroughClient_CreateUpdateDeleteInOrder()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c"));
        var pcs = clients.Pcs;

        var group = (await pcs.CreateComputeNodeGroupAsync(NewGroup("c", "compute-1", 0, 4))).ComputeNodeGroup!;
        clients.Advance(TimeSpan.FromMinutes(5));
        var queue = (await pcs.CreateQueueAsync(new CreateQueueRequest
        {
            ClusterIdentifier = "c", QueueName = "queue-1", ComputeNodeGroupConfigurations = [new ComputeNodeGroupConfiguration { ComputeNodeGroupId = group.Id }],
        })).Queue!;
        clients.Advance(TimeSpan.FromMinutes(5));

        var update = new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = "c", ComputeNodeGroupIdentifier = "compute-1",
            ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 0, MaxInstanceCount = 8 },
        };
        var updating = (await pcs.UpdateComputeNodeGroupAsync(update)).ComputeNodeGroup!;
        await Assert.ThrowsAsync<ConflictException>(() => pcs.UpdateComputeNodeGroupAsync(update)); // one update at a time
        await Assert.ThrowsAsync<ConflictException>(() => pcs.DeleteClusterAsync(new DeleteClusterRequest { ClusterIdentifier = "c" }));
        await Assert.ThrowsAsync<ConflictException>(() => pcs.DeleteComputeNodeGroupAsync(
            new DeleteComputeNodeGroupRequest { ClusterIdentifier = "c", ComputeNodeGroupIdentifier = group.Id })); // still in a queue
        clients.Advance(TimeSpan.FromMinutes(5));
        var updated = (await pcs.GetComputeNodeGroupAsync(new GetComputeNodeGroupRequest { ClusterIdentifier = "c", ComputeNodeGroupIdentifier = group.Id })).ComputeNodeGroup!;

        await pcs.DeleteQueueAsync(new DeleteQueueRequest { ClusterIdentifier = "c", QueueIdentifier = queue.Id });
        clients.Advance(TimeSpan.FromMinutes(5));
        await pcs.DeleteComputeNodeGroupAsync(new DeleteComputeNodeGroupRequest { ClusterIdentifier = "c", ComputeNodeGroupIdentifier = group.Id });
        clients.Advance(TimeSpan.FromMinutes(5));
        await pcs.DeleteClusterAsync(new DeleteClusterRequest { ClusterIdentifier = "c" });
        clients.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(ComputeNodeGroupStatus.UPDATING, updating.Status);
        Assert.Equal(ComputeNodeGroupStatus.ACTIVE, updated.Status);
        Assert.Equal(8, updated.ScalingConfiguration!.MaxInstanceCount);
        var gone = await Assert.ThrowsAsync<ResourceNotFoundException>(() => pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" }));
        Assert.Equal(404, (int)gone.StatusCode);
    }

    [Fact] // min > max is a ValidationException (field validation), and the rejected call changes nothing
    public async Task UpdateComputeNodeGroup_MinAboveMax_ValidationExceptionStateUnchanged()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c").WithNodeGroup("g", 0, 2));
        var before = clients.Aws.Snapshot().ToJsonString();

        var error = await Assert.ThrowsAsync<ValidationException>(() => clients.Pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = "c", ComputeNodeGroupIdentifier = "g",
            ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 3, MaxInstanceCount = 2 },
        }));

        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal(before, clients.Aws.Snapshot().ToJsonString());
    }

    [Fact] // the generated paginators follow nextToken through the emulator's pages
    public async Task Paginators_SmallPages_EveryClusterNodeGroupAndQueueOnce()
    {
        var scenario = Scenario.Cluster("a").WithNodeGroup("g1", 0, 1).WithNodeGroup("g2", 0, 1).WithNodeGroup("g3", 0, 1)
            .WithQueue("q1", "g1").WithQueue("q2", "g2").AndCluster("b").AndCluster("c");
        await using var clients = await ProductClients.StartAsync(scenario);
        var pcs = clients.Pcs;

        var pages = await pcs.Paginators.ListClusters(new ListClustersRequest { MaxResults = 1 }).Responses.ToListAsync();
        var clusters = await pcs.Paginators.ListClusters(new ListClustersRequest { MaxResults = 2 }).Clusters.Select(c => c.Name).ToListAsync();
        var groups = await pcs.Paginators.ListComputeNodeGroups(new ListComputeNodeGroupsRequest { ClusterIdentifier = "a", MaxResults = 2 })
            .ComputeNodeGroups.Select(g => g.Name).ToListAsync();
        var queues = await pcs.Paginators.ListQueues(new ListQueuesRequest { ClusterIdentifier = "a", MaxResults = 1 })
            .Queues.Select(q => q.Name).ToListAsync();

        Assert.True(pages.Count >= 3, $"expected one page per cluster, got {pages.Count}");
        Assert.Equal(["a", "b", "c"], clusters.Order());
        Assert.Equal(["g1", "g2", "g3"], groups.Order());
        Assert.Equal(["q1", "q2"], queues.Order());
    }
}
