using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Tests.Conformance;

namespace PcsAutomation.Aws.Tests.PCS;

public class AmazonPCSClientTests
{
    private static CreateClusterRequest CreateCluster(string? clientToken) => new()
    {
        ClusterName = "demo",
        Scheduler = new SchedulerRequest { Type = SchedulerType.SLURM, Version = "24.11" },
        Size = Size.SMALL,
        Networking = new NetworkingRequest { SubnetIds = ["subnet-1"] },
        ClientToken = clientToken,
    };

    [Fact]
    public async Task CreateClusterAsync_NoClientToken_SendsNewGuid()
    {
        var invoker = new RecordingInvoker();

        await new AmazonPCSClient(invoker).CreateClusterAsync(CreateCluster(clientToken: null));

        var sent = Assert.IsType<CreateClusterRequest>(Assert.Single(invoker.Calls).Request);
        Assert.True(Guid.TryParse(sent.ClientToken, out _), $"'{sent.ClientToken}' is not a GUID");
    }

    [Fact]
    public async Task UpdateComputeNodeGroupAsync_CallerClientToken_SentUnchanged()
    {
        var invoker = new RecordingInvoker();
        var request = new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = "pcs_abc",
            ComputeNodeGroupIdentifier = "compute-1",
            ClientToken = "execution-42-scale-down",
        };

        await new AmazonPCSClient(invoker).UpdateComputeNodeGroupAsync(request);

        var call = Assert.Single(invoker.Calls);
        Assert.Equal("UpdateComputeNodeGroup", call.Operation);
        Assert.Equal("execution-42-scale-down", Assert.IsType<UpdateComputeNodeGroupRequest>(call.Request).ClientToken);
    }

    [Fact]
    public async Task GetClusterAsync_CancelledToken_PassedToTransport()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new AmazonPCSClient(new RecordingInvoker()).GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "demo" }, cancellation.Token));
    }

    [Fact]
    public void Constructor_NullInvoker_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new AmazonPCSClient(null!));
}
