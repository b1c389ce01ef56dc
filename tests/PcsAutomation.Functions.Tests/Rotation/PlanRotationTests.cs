using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Rotation;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.SecretsManager;

namespace PcsAutomation.Functions.Tests.Rotation;

public class PlanRotationTests
{
    [Fact]
    public async Task PlanRotation_ThreeGroups_ListsExactMinAndMax()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId, dryRun = true, executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal((clusterId, "demo", "ACTIVE", true), (plan.ClusterId, plan.ClusterName, plan.ClusterStatus, plan.DryRun));
        Assert.Equal(
            [("compute-a", 0, 8), ("compute-b", 2, 2), ("compute-c", 0, 4)],
            plan.NodeGroups.OrderBy(g => g.NodeGroupName, StringComparer.Ordinal).Select(g => (g.NodeGroupName, g.MinInstanceCount, g.MaxInstanceCount)));
        Assert.Equal(h.NodeGroupId("compute-b"), plan.NodeGroups.Single(g => g.NodeGroupName == "compute-b").NodeGroupId);
        Assert.Equal("sun:02:00-sun:06:00", plan.MaintenanceWindow);
        Assert.True(plan.ExpectedDowntimeSeconds > 0);
    }

    // guide L2456-2458: a Secrets Manager schedule still needs the node groups at 0 first, so it would rotate outside the
    // window with nodes up and fail. The plan says so (this failed before: no warning existed).
    [Fact]
    public async Task PlanRotation_SecretAlsoOnASecretsManagerSchedule_WarnsAndSaysHowToTurnItOff()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        lock (h.Aws.State.Gate) h.Aws.State.Secrets[h.SecretArn("demo")].RotationEnabled = true;

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", dryRun = true, executionArn = HandlerHarness.ExecutionArn });

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("rotation schedule", warning, StringComparison.Ordinal);
        Assert.Contains("cancel-rotate-secret", warning, StringComparison.Ordinal);
        Assert.Contains(h.Transcript, l => l.Contains("rotation schedule", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanRotation_NoSchedule_NoWarningAndStrictFromTheTag()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster().WithTag("pcs-automation:strict-verification", "true"));

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", dryRun = true, executionArn = HandlerHarness.ExecutionArn });

        Assert.Empty(plan.Warnings);
        Assert.True(plan.StrictVerification);
    }

    /// <summary>The managed demo cluster plus a CAPACITY_BLOCK group on a block ending <paramref name="end"/> after the start.</summary>
    private static LocalAws.Scenarios.Scenario OnCapacityBlock(string end) =>
        LocalAws.Scenarios.Scenario.Empty()
            .WithCapacityBlock("block", "p5.48xlarge", 2, "-1d", end, id: "cr-0a000000000000001")
            .WithLaunchTemplate("block-lt", new LocalAws.Scenarios.LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "block" })
            .AndCluster("demo").WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("compute-a", min: 0, max: 8)
            .WithNodeGroup("gpu", min: 0, max: 2, "p5.48xlarge", launchTemplate: "block-lt", purchaseOption: "CAPACITY_BLOCK");

    [Fact] // an on-demand rotation (the CLI's) meets the same rule as the schedule's: refused before the lease
    public async Task PlanRotation_CapacityBlockExpiryActsSoonRealRun_RotationDeferredNamingTheBlock()
    {
        await using var h = await HandlerHarness.StartAsync(OnCapacityBlock("+2h"));

        var error = await Assert.ThrowsAsync<RotationDeferred>(() =>
            h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", dryRun = false, executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains("Capacity Block cr-0a000000000000001 ends at", error.Message, StringComparison.Ordinal);
        Assert.Contains("the rotation waits (an expiry cannot)", error.Message, StringComparison.Ordinal);
        Assert.Null(h.LeaseItem(h.ClusterId()));
    }

    [Fact]
    public async Task PlanRotation_CapacityBlockExpiryActsSoonDryRun_PlanWarnsARealRunWouldWait()
    {
        await using var h = await HandlerHarness.StartAsync(OnCapacityBlock("+2h"));

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", dryRun = true, executionArn = HandlerHarness.ExecutionArn });

        var warning = Assert.Single(plan.Warnings);
        Assert.StartsWith("A real run would not start now: Capacity Block cr-0a000000000000001", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_CapacityBlockEndingInDays_NoDeferral()
    {
        await using var h = await HandlerHarness.StartAsync(OnCapacityBlock("+3d"));

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", dryRun = false, executionArn = HandlerHarness.ExecutionArn });

        Assert.Empty(plan.Warnings);
        Assert.Equal(2, plan.NodeGroups.Count);
    }

    [Fact]
    public async Task PlanRotation_ClusterName_ReturnsRealIdSecretAndCurrentVersion()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var (secretArn, currentVersion) = ClusterSecret(h, clusterId);

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal((clusterId, secretArn, currentVersion, false), (plan.ClusterId, plan.SecretArn, plan.CurrentVersionId, plan.DryRun));
    }

    [Fact]
    public async Task PlanRotation_InstancesAndLoginNodes_ListsThemById()
    {
        var scenario = HandlerHarness.ManagedCluster()
            .WithInstance("login-1", ("pcs-automation:byo-login-for", "demo"))
            .WithInstance("login-other", ("pcs-automation:byo-login-for", "another-cluster"))
            .WithInstance("unrelated");
        await using var h = await HandlerHarness.StartAsync(scenario);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // compute-b's two static instances boot
        var clusterId = h.ClusterId();
        string[] computeInstances, loginInstance;
        lock (h.Aws.State.Gate)
        {
            computeInstances = [.. h.Aws.State.InstancesOfCluster(clusterId).Where(i => i.State == "running").Select(i => i.InstanceId).Order(StringComparer.Ordinal)];
            loginInstance = [.. h.Aws.State.Instances.Values.Where(i => i.Tags.GetValueOrDefault("Name") == "login-1").Select(i => i.InstanceId)];
        }

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId, executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal(2, computeInstances.Length);
        Assert.Equal(computeInstances, plan.InstancesUp);
        Assert.Equal(loginInstance, plan.LoginInstances);
    }

    [Theory]
    [InlineData("CREATING")]
    [InlineData("UPDATING")]
    [InlineData("DELETING")]
    [InlineData("CREATE_FAILED")]
    [InlineData("DELETE_FAILED")]
    [InlineData("SUSPENDING")]
    [InlineData("SUSPENDED")]
    [InlineData("RESUMING")]
    public async Task PlanRotation_ForbiddenStatus_RefusesNamingTheStatus(string status)
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster(status: status));

        var e = await Assert.ThrowsAsync<ClusterStateForbidsRotation>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = h.ClusterId(), executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains(status, e.Message, StringComparison.Ordinal);
        Assert.Contains(h.ClusterId(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_UpdateFailed_IsAllowed()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster(status: "UPDATE_FAILED"));

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = h.ClusterId(), executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal("UPDATE_FAILED", plan.ClusterStatus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task PlanRotation_Unmanaged_RefusesWithClusterNotManaged(string? managed)
    {
        var scenario = LocalAws.Scenarios.Scenario.Cluster("demo").WithNodeGroup("compute-a", min: 0, max: 8);
        if (managed is not null)
            scenario.WithTag("pcs-automation:managed", managed);
        await using var h = await HandlerHarness.StartAsync(scenario);

        var e = await Assert.ThrowsAsync<ClusterNotManaged>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains("pcs-automation:managed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_ManagedTagKeyFromEnvironment_IsTheOneRead()
    {
        var scenario = LocalAws.Scenarios.Scenario.Cluster("demo").WithTag("team:rotate", "true").WithNodeGroup("compute-a", min: 0, max: 8);
        await using var h = await HandlerHarness.StartAsync(scenario, new Dictionary<string, string> { ["PCS_AUTOMATION_MANAGED_TAG_KEY"] = "team:rotate" });

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal("demo", plan.ClusterName);
    }

    [Fact]
    public async Task PlanRotation_SecretTaggedForAnotherCluster_RefusesWithSecretNotClusters()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        lock (h.Aws.State.Gate)
        {
            var secret = h.Aws.State.Secrets[h.Aws.State.Clusters[clusterId].SecretArn];
            secret.Tags.RemoveAll(t => t.Key == "aws:pcs:cluster-id");
            secret.Tags.Add(new("aws:pcs:cluster-id", "pcs_other00001"));
        }

        var e = await Assert.ThrowsAsync<SecretNotClusters>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId, executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains("pcs_other00001", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_PendingVersion_RefusesWithRotationUnfinished()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        lock (h.Aws.State.Gate)
        {
            var secret = h.Aws.State.Secrets[h.Aws.State.Clusters[clusterId].SecretArn];
            var pending = new SecretVersion { VersionId = "11111111-2222-3333-4444-555555555555", SecretString = "not-used", CreatedDate = h.Aws.Clock.GetUtcNow() };
            pending.Stages.Add(Secret.Pending);
            secret.Versions.Add(pending);
        }

        var e = await Assert.ThrowsAsync<RotationUnfinished>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId, executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains("11111111-2222-3333-4444-555555555555", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-used", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_PendingLabelOnTheCurrentVersion_IsAFinishedRotationAndPlans()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        string currentVersion;
        lock (h.Aws.State.Gate)
        {
            // Secrets Manager treats AWSPENDING beside AWSCURRENT on one version as done: RotateSecret accepts a new rotation.
            var secret = h.Aws.State.Secrets[h.Aws.State.Clusters[clusterId].SecretArn];
            var current = secret.Versions.Single(v => v.Stages.Contains(Secret.Current));
            current.Stages.Add(Secret.Pending);
            currentVersion = current.VersionId;
        }

        var plan = await h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId, executionArn = HandlerHarness.ExecutionArn });

        Assert.Equal(currentVersion, plan.CurrentVersionId);
    }

    [Fact]
    public async Task PlanRotation_UnknownCluster_IsInvalidInputNamingClusterId()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "nope", executionArn = HandlerHarness.ExecutionArn }));

        Assert.StartsWith("clusterId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_ThrottledAfterRetries_IsTransientAwsError()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        h.Aws.Faults.Add(new FaultRule("pcs", "GetCluster") { ThrottleRate = 1 });

        var e = await Assert.ThrowsAsync<TransientAwsError>(
            () => h.InvokeAsync<RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = HandlerHarness.ExecutionArn }));

        Assert.Contains("PCS.GetCluster", e.Message, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanRotation_Logs_NeverTheSecretValue()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        string value;
        lock (h.Aws.State.Gate)
            value = h.Aws.State.Secrets[h.Aws.State.Clusters[clusterId].SecretArn].Versions.Single().SecretString!;

        var json = await h.InvokeRawAsync("PlanRotation", $$"""{"clusterId":"{{clusterId}}","dryRun":true}""");

        Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        Assert.All(h.Transcript, l => Assert.DoesNotContain(value, l, StringComparison.Ordinal));
        Assert.Contains(h.Transcript, l => l.Contains(clusterId, StringComparison.Ordinal) && l.Contains("3 node groups", StringComparison.Ordinal));
    }

    private static (string Arn, string CurrentVersion) ClusterSecret(HandlerHarness h, string clusterId)
    {
        lock (h.Aws.State.Gate)
        {
            var secret = h.Aws.State.Secrets[h.Aws.State.Clusters[clusterId].SecretArn];
            return (secret.Arn, secret.VersionWithStage(Secret.Current)!.VersionId);
        }
    }
}
