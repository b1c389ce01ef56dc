using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.CapacityBlocks.ExpiryStack;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// Restore mode: a group parked by the expiry comes back, with exactly its saved scaling and its queues, once a block
/// can carry it again (<see cref="ParkedRestore"/>), here on the delivery of the renewal its successor-block tag named
/// while the payment was pending.
/// </summary>
public class CapacityBlockRestoreTests
{
    private const string Renewal = "cr-0c000000000000002";

    /// <summary>The capacity scenario with a renewal of gpu-c's block bought and still payment-pending, named by its successor-block tag.</summary>
    private static ScenarioDefinition WithPendingRenewal()
    {
        var scenario = Capacity();
        scenario.CapacityBlocks.Add(new CapacityBlockDefinition
        {
            Name = "renewal-c", Id = Renewal, InstanceType = "p4d.24xlarge", AvailabilityZone = "us-east-1a", InstanceCount = 2,
            Start = "+5h", End = "+7d", State = CapacityReservationStates.PaymentPending,
        });
        scenario.Clusters.Single(c => c.Name == "capacity").NodeGroups.Single(g => g.Name == "gpu-c").Tags["pcs-automation:successor-block"] = Renewal;
        return scenario;
    }

    [Fact]
    public async Task Restore_RenewalDelivered_GroupBackOnItWithItsSavedScalingAndQueue()
    {
        await using var stack = await StartAsync(WithPendingRenewal());
        var expired = await stack.RunAsync(Start(stack, ExpiringC));
        AssertSucceeded(expired);
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        Assert.Equal(["cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal(Renewal, (string?)Parked(stack, "capacity", "gpu-c", ExpiringC)!["successorReservationId"]);
        lock (stack.Aws.State.Gate)
            stack.Aws.State.CapacityBlocks[Renewal].ForcedState = null; // paid: scheduled until its start (Capacity Block Delivered)

        var restored = await stack.RunAsync(Start(stack, Renewal, mode: "restore"));

        AssertSucceeded(restored);
        Assert.Equal((0, 2, "ACTIVE", Renewal), Group(stack, "capacity", "gpu-c"));
        Assert.Equal(["gpu-c", "cpu"], Queue(stack, "capacity", "gpu-c")); // back at its place
        Assert.Null(Parked(stack, "capacity", "gpu-c", ExpiringC)); // forgotten once restored
        Assert.Equal(
            ["PCS Capacity Block Expiry Started", "PCS Capacity Block Expiry Succeeded", "PCS Capacity Block Restore Started", "PCS Capacity Block Restore Succeeded"],
            stack.NotificationTypes);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
    }

    [Fact]
    public async Task Restore_NothingParkedForTheBlock_EndsWithNothingDueAndNoChange()
    {
        await using var stack = await StartAsync(WithPendingRenewal());
        lock (stack.Aws.State.Gate)
            stack.Aws.State.CapacityBlocks[Renewal].ForcedState = null;

        var execution = await stack.RunAsync(Start(stack, Renewal, mode: "restore"));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Contains(RecheckOutcomes.NothingDue, execution.Output!, StringComparison.Ordinal);
        Assert.Empty(Writes(stack));
        Assert.Empty(stack.NotificationTypes);
    }
}
