using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using static PcsAutomation.Functions.Tests.CapacityBlocks.Expiry;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

/// <summary>PlanCapacityBlockExpiry against the emulator: input checks, timing, the managed check, one cluster's work and its check before the first change.</summary>
public class PlanCapacityBlockExpiryTests
{
    [Fact]
    public async Task Plan_WindDownBlock_ActsAtEndMinusTheLeadWithTheQueueEditAndTheParkedRecord()
    {
        await using var h = await StartAsync();

        var plan = await PlanAsync(h, ExpiringC);

        Assert.Equal(RecheckOutcomes.Act, plan.Outcome);
        Assert.Equal(Iso(EndOf(h, ExpiringC) - TimeSpan.FromMinutes(90)), plan.WaitUntil);
        Assert.Equal(["capacity"], plan.Clusters.Select(c => c.ClusterName));
        var part = Assert.Single(plan.Expiry!.Clusters);
        Assert.Equal(ExpiryActions.WindDown, Assert.Single(part.Groups).Action);
        Assert.Equal([h.NodeGroupId("cpu", "capacity")], Assert.Single(part.QueueEdits).After);
        Assert.Equal((0, 2), (Assert.Single(part.Parked).SavedScaling.MinInstanceCount, part.Parked[0].SavedScaling.MaxInstanceCount));
    }

    [Fact]
    public async Task Plan_LeadVariable_MovesTheActionStart()
    {
        await using var h = await StartAsync(variables: new Dictionary<string, string> { [EnvironmentVariables.CapacityBlockLeadMinutes] = "120" });

        var plan = await PlanAsync(h, ExpiringC);

        Assert.Equal(Iso(EndOf(h, ExpiringC) - TimeSpan.FromMinutes(120)), plan.WaitUntil);
    }

    [Theory]
    [InlineData("abc", "whole number of minutes")]
    [InlineData("0", "Lead")]
    public async Task Plan_BadLeadVariable_FailsAtInitNamingIt(string value, string expected)
    {
        await using var h = await StartAsync(variables: new Dictionary<string, string> { [EnvironmentVariables.CapacityBlockLeadMinutes] = value });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => PlanAsync(h, ExpiringC));

        Assert.StartsWith(EnvironmentVariables.CapacityBlockLeadMinutes, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-05T11:00:00", "endDate")] // no offset: not guessed
    [InlineData("tomorrow", "endDate")]
    public async Task Plan_EndDateWithoutItsOffset_InvalidInputNamingEndDate(string endDate, string field)
    {
        await using var h = await StartAsync();

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => PlanAsync(h, ExpiringC, endDate: endDate));

        Assert.StartsWith($"{field} '{endDate}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownMode_InvalidInputNamingMode()
    {
        await using var h = await StartAsync();

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => PlanAsync(h, ExpiringC, mode: "delete"));

        Assert.StartsWith("mode 'delete'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SharedBlockWithAnUnmanagedCluster_ActsOnlyOnTheManagedOneAndSaysWhy()
    {
        var scenario = ScenarioFile.Load("capacity");
        scenario.Clusters.Single(c => c.Name == "capacity-2").Tags.Remove("pcs-automation:managed");
        await using var h = await StartAsync(scenario);

        var plan = await PlanAsync(h, Shared);

        Assert.Equal(["capacity"], plan.Clusters.Select(c => c.ClusterName));
        var skip = Assert.Single(plan.Skipped);
        Assert.Equal("capacity-2", skip.ClusterName);
        Assert.Contains("pcs-automation:managed=true", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ClusterWorkWithItsLaunchTemplateDeleted_LaunchTemplateMissingBeforeAnyChange()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h, ExpiringA);
        h.Aws.Scenarios.DeleteLaunchTemplate("gpu-a-lt");

        var e = await Assert.ThrowsAsync<LaunchTemplateMissing>(() => PlanAsync(h, ExpiringA, nodeGroupIds: plan.NodeGroupIds, clusterId: h.ClusterId("capacity")));

        Assert.Contains($"node group gpu-a ({h.NodeGroupId("gpu-a", "capacity")})", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ExtensionPaidSinceTheFirstPlan_SupersededNamingTheNewExecution()
    {
        await using var h = await StartAsync();
        var first = await PlanAsync(h, ExpiringC);
        var newEnd = EndOf(h, ExpiringC) + TimeSpan.FromDays(1);
        h.Aws.Scenarios.ExtendCapacityBlock(ExpiringC, newEnd);

        var again = await PlanAsync(h, ExpiringC, endDate: first.EndDate, nodeGroupIds: first.NodeGroupIds);

        Assert.Equal(RecheckOutcomes.Superseded, again.Outcome);
        Assert.Equal(Domain.Workflows.ExecutionNames.ForCapacityBlock(Domain.Workflows.WorkflowKind.CapacityBlockExpiry, ExpiringC, newEnd), again.NewExecutionName);
        Assert.Empty(again.Clusters);
    }
}
