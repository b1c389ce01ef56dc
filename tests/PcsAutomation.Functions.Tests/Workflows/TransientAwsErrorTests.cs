using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Faults;

namespace PcsAutomation.Functions.Tests.Workflows;

/// <summary>Failures still transient after the clients' retries become TransientAwsError, which the ASL retries; others surface as they are.</summary>
public class TransientAwsErrorTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;

    [Fact]
    public async Task AcquireClusterLease_DynamoDbThrottled_IsTransientAwsErrorNamingTheCall()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        h.Aws.Faults.Add(new FaultRule("dynamodb", "GetItem") { ThrottleRate = 1 });

        var e = await Assert.ThrowsAsync<TransientAwsError>(
            () => h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1, workflow = "cluster-secret-rotation" }));

        Assert.Contains("DynamoDB.GetItem", e.Message, StringComparison.Ordinal);
        Assert.Contains(h.ClusterId(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckClusterDrained_Ec2ServerError_IsTransientAwsError()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        h.Aws.Faults.Add(new FaultRule("ec2", "DescribeInstances") { ServerErrorRate = 1 });

        var e = await Assert.ThrowsAsync<TransientAwsError>(
            () => h.InvokeAsync<CheckClusterDrainedResult>("CheckClusterDrained", new { clusterId = h.ClusterId() }));

        Assert.Contains("EC2.DescribeInstances", e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_PcsValidationError_SurfacesAsItIs()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1, workflow = "cluster-secret-rotation" });
        h.Aws.Faults.Add(new FaultRule("pcs", "UpdateComputeNodeGroup")
        {
            FailOnNthCall = 1, ForcedErrorCode = "ValidationException", ForcedErrorStatus = 400,
        });

        await Assert.ThrowsAsync<Aws.PCS.Model.ValidationException>(
            () => h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId = h.ClusterId(), executionArn = Run1, workflow = "cluster-secret-rotation" }));
    }
}
