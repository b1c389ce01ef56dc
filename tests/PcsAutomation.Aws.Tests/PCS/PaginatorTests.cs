using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Tests.Conformance;

namespace PcsAutomation.Aws.Tests.PCS;

public class PaginatorTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ClusterSummary Cluster(string name) => new()
    {
        Name = name, Id = "pcs_" + name, Arn = "arn:aws:pcs:us-east-1:111122223333:cluster/pcs_" + name,
        CreatedAt = Created, ModifiedAt = Created, Status = ClusterStatus.ACTIVE,
    };

    private static RecordingInvoker ThreeClusterPages() => new RecordingInvoker().Returns(
        new ListClustersResponse { Clusters = [Cluster("a"), Cluster("b")], NextToken = "t1" },
        new ListClustersResponse { Clusters = [], NextToken = "t2" },
        new ListClustersResponse { Clusters = [Cluster("c")] });

    [Fact]
    public async Task ListClustersPaginator_ThreePages_YieldsItemsInOrderFollowingTokens()
    {
        var invoker = ThreeClusterPages();
        var paginator = new AmazonPCSClient(invoker).Paginators.ListClusters(new ListClustersRequest { MaxResults = 2 });

        var names = new List<string>();
        await foreach (var cluster in paginator.Clusters)
            names.Add(cluster.Name);

        Assert.Equal(["a", "b", "c"], names);
        var sent = invoker.Calls.Select(c => (ListClustersRequest)c.Request).ToList();
        Assert.Equal([null, "t1", "t2"], sent.Select(r => r.NextToken));
        Assert.All(sent, r => Assert.Equal(2, r.MaxResults));
    }

    [Fact]
    public async Task ListClustersPaginator_Responses_StopsAfterPageWithoutToken()
    {
        var invoker = ThreeClusterPages().Returns(new ListClustersResponse { Clusters = [Cluster("never")] });
        var paginator = new AmazonPCSClient(invoker).Paginators.ListClusters(new ListClustersRequest());

        var pages = 0;
        await foreach (var _ in paginator.Responses)
            pages++;

        Assert.Equal(3, pages);
        Assert.Equal(3, invoker.Calls.Count);
    }

    [Fact]
    public async Task ListComputeNodeGroupsPaginator_TwoPages_KeepsClusterIdentifier()
    {
        var group = new ComputeNodeGroupSummary
        {
            Name = "compute-1", Id = "cng-1", Arn = "arn:cng-1", ClusterId = "pcs_a",
            CreatedAt = Created, ModifiedAt = Created, Status = ComputeNodeGroupStatus.ACTIVE,
        };
        var invoker = new RecordingInvoker().Returns(
            new ListComputeNodeGroupsResponse { ComputeNodeGroups = [group], NextToken = "t1" },
            new ListComputeNodeGroupsResponse { ComputeNodeGroups = [group with { Name = "compute-2" }] });
        var paginator = new AmazonPCSClient(invoker).Paginators.ListComputeNodeGroups(new ListComputeNodeGroupsRequest { ClusterIdentifier = "pcs_a" });

        var names = new List<string>();
        await foreach (var item in paginator.ComputeNodeGroups)
            names.Add(item.Name);

        Assert.Equal(["compute-1", "compute-2"], names);
        Assert.All(invoker.Calls, c => Assert.Equal("pcs_a", ((ListComputeNodeGroupsRequest)c.Request).ClusterIdentifier));
    }

    [Fact]
    public async Task ListQueuesPaginator_CancelledDuringEnumeration_StopsCalling()
    {
        var queue = new QueueSummary
        {
            Name = "q", Id = "q-1", Arn = "arn:q-1", ClusterId = "pcs_a",
            CreatedAt = Created, ModifiedAt = Created, Status = QueueStatus.ACTIVE,
        };
        var invoker = new RecordingInvoker().Returns(
            new ListQueuesResponse { Queues = [queue], NextToken = "t1" },
            new ListQueuesResponse { Queues = [queue] });
        using var cancellation = new CancellationTokenSource();
        var paginator = new AmazonPCSClient(invoker).Paginators.ListQueues(new ListQueuesRequest { ClusterIdentifier = "pcs_a" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in paginator.Queues.WithCancellation(cancellation.Token))
                await cancellation.CancelAsync();
        });
        Assert.Single(invoker.Calls);
    }

    [Fact]
    public async Task ListClustersPaginator_SameTokenTwice_ThrowsInsteadOfLooping()
    {
        var invoker = new RecordingInvoker().Returns(
            new ListClustersResponse { Clusters = [], NextToken = "stuck" },
            new ListClustersResponse { Clusters = [], NextToken = "stuck" });
        var paginator = new AmazonPCSClient(invoker).Paginators.ListClusters(new ListClustersRequest());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in paginator.Responses)
            {
            }
        });
        Assert.Equal(2, invoker.Calls.Count);
    }
}
