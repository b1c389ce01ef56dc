using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Rotation;

public sealed class RotationReconcilerHandlerTests
{
    private const string Managed = "pcs-automation:managed";
    private const string MaxAge = "pcs-automation:rotation-max-age";
    private const string Window = "pcs-automation:maintenance-window";

    // Sunday 01:00 UTC; two hours later the default window (sun:02:00-sun:06:00) is open.
    private static readonly DateTimeOffset SundayNight = new(2026, 1, 4, 1, 0, 0, TimeSpan.Zero);

    // Saturday 01:00 UTC; two hours later the default window opens in 23 hours.
    private static readonly DateTimeOffset Saturday = new(2026, 1, 3, 1, 0, 0, TimeSpan.Zero);

    // Monday 08:00 UTC; two hours later the default window is closed.
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RotationReconciler_SecretOlderThanMaxAgeInOpenWindow_StartsOneExecutionNamedForTheWindow()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h"), SundayNight);
        var clusterId = harness.ClusterId("c");

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var started = Assert.Single(output["started"]!.AsArray())!;
        var execution = Assert.Single(harness.Aws.StepFunctions.Engine.Executions);
        Assert.Equal(clusterId, started["clusterId"]!.GetValue<string>());
        Assert.Equal($"rotate-{clusterId}-20260104T0200", started["executionName"]!.GetValue<string>());
        Assert.Equal(execution.Arn, started["executionArn"]!.GetValue<string>());
        Assert.Equal(clusterId, JsonNode.Parse(execution.Input)!["clusterId"]!.GetValue<string>());
        Assert.False(JsonNode.Parse(execution.Input)!["dryRun"]!.GetValue<bool>());
        Assert.Empty(output["skipped"]!.AsArray());
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task RotationReconciler_RunTwiceInTheSameWindow_SecondIsANoOp()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h"), SundayNight);

        await harness.InvokeAsync("RotationReconciler", ScheduledEvent());
        await harness.Aws.StepFunctions.Engine.WhenIdleAsync();
        harness.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        Assert.Empty(second["started"]!.AsArray());
        Assert.Contains("already started", Assert.Single(second["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Aws.StepFunctions.Engine.Executions);
    }

    [Fact]
    public async Task RotationReconciler_SecretYoungerThanMaxAge_SkippedNotDue()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true"), SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Contains("max age 90d", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(output["started"]!.AsArray());
        Assert.Empty(harness.Aws.Calls.Of("states", "StartExecution"));
    }

    [Fact]
    public async Task RotationReconciler_DueButWindowClosed_Skipped()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h"), Monday);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Contains("closed", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("states", "StartExecution"));
    }

    [Fact]
    public async Task RotationReconciler_UnmanagedCluster_SkippedWithoutReadingItsSecret()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(MaxAge, "1h"), SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        Assert.Contains("not managed", Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager"));
        Assert.Empty(harness.Aws.Calls.Of("states", "StartExecution"));
    }

    [Fact]
    public async Task RotationReconciler_OneClusterWithInvalidTag_SkippedNamingTheTagAndOthersStillStarted()
    {
        await using var harness = await StartAsync(
            Scenario.Cluster("bad").WithTag(Managed, "true").WithTag(Window, "sunday-night")
                .AndCluster("good").WithTag(Managed, "true").WithTag(MaxAge, "1h"),
            SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Equal(harness.ClusterId("bad"), skipped["clusterId"]!.GetValue<string>());
        Assert.Contains(Window, skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(harness.ClusterId("good"), Assert.Single(output["started"]!.AsArray())!["clusterId"]!.GetValue<string>());
        Assert.Contains(harness.Transcript, line => line.Contains(Window, StringComparison.Ordinal) && line.Contains(harness.ClusterId("bad"), StringComparison.Ordinal));
    }

    [Fact] // one cluster's AWS error never stops the others; the next scheduled run tries it again
    public async Task RotationReconciler_SecretsManagerFailsForOneCluster_SkippedWithTheCodeAndOthersStarted()
    {
        await using var harness = await StartAsync(
            Scenario.Cluster("a").WithTag(Managed, "true").WithTag(MaxAge, "1h")
                .AndCluster("b").WithTag(Managed, "true").WithTag(MaxAge, "1h"),
            SundayNight);
        harness.Aws.Faults.Add(new PcsAutomation.LocalAws.Faults.FaultRule("secretsmanager", "DescribeSecret")
        {
            FailOnNthCall = 1, ForcedErrorCode = "AccessDeniedException", ForcedErrorStatus = 400,
        });

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Contains("AccessDeniedException", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(output["started"]!.AsArray());
        Assert.NotEqual(skipped["clusterId"]!.GetValue<string>(), output["started"]![0]!["clusterId"]!.GetValue<string>());
    }

    [Fact] // guide L2388, L2483: a cluster whose status forbids rotation is not started
    public async Task RotationReconciler_ClusterStatusForbidsRotation_Skipped()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c", status: "SUSPENDED").WithTag(Managed, "true").WithTag(MaxAge, "1h"), SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        Assert.Contains("SUSPENDED", Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("states", "StartExecution"));
    }

    // guide L2417: users are told of the coming window first. Saturday 03:00: the default window opens in 23 hours.
    [Fact]
    public async Task RotationReconciler_DueByAWindowWithinTheLeadTime_SendsOneAdvanceNoticePerWindow()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h"), Saturday);
        var clusterId = harness.ClusterId("c");

        var first = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());
        harness.Aws.Clock.Advance(TimeSpan.FromHours(1));
        var second = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var notice = Assert.Single(first["notices"]!.AsArray())!;
        Assert.Equal($"rotate-{clusterId}-notice-20260104T0200", notice["executionName"]!.GetValue<string>());
        Assert.Empty(first["started"]!.AsArray());
        var input = JsonNode.Parse(harness.Aws.Call("states", "DescribeExecution", new JsonObject { ["executionArn"] = notice["executionArn"]!.GetValue<string>() })["input"]!.GetValue<string>())!;
        Assert.Equal(("cluster-secret-rotation", clusterId, "c"), (input["workflow"]!.GetValue<string>(), input["clusterId"]!.GetValue<string>(), input["clusterName"]!.GetValue<string>()));
        Assert.Equal("sun:02:00-sun:06:00", input["facts"]!["maintenanceWindow"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 1, 4, 2, 0, 0, TimeSpan.Zero), input["facts"]!["windowOpensAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(second["notices"]!.AsArray());
        Assert.Contains("already sent", Assert.Single(second["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Aws.Calls.Of("states", "StartExecution"), c => c.Status == 200);
    }

    [Fact]
    public async Task RotationReconciler_NextWindowBeyondTheLeadTime_NoNoticeAndSaysWhen()
    {
        await using var harness = await StartAsync(Scenario.Cluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h"), Monday);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        Assert.Empty(output["notices"]!.AsArray());
        Assert.Contains("no advance notice: next window", Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Cluster c, due, with a CAPACITY_BLOCK group on a block ending <paramref name="end"/> after the scenario start (the reconciler runs 2 hours in).</summary>
    private static Scenario OnCapacityBlock(string end) =>
        Scenario.Empty()
            .WithCapacityBlock("block", "p5.48xlarge", 2, "-1d", end, id: "cr-0a000000000000001")
            .WithLaunchTemplate("block-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "block" })
            .AndCluster("c").WithTag(Managed, "true").WithTag(MaxAge, "1h")
            .WithNodeGroup("gpu", min: 0, max: 2, "p5.48xlarge", launchTemplate: "block-lt", purchaseOption: "CAPACITY_BLOCK");

    // At 03:00 the block ending 05:00 acts at 03:30 (lead 90 min), within the rotation's expected 15.5 min plus the 30-min
    // margin: an expiry cannot wait for the lease, so the rotation does (LeasePriority.Deferral).
    [Fact]
    public async Task RotationReconciler_CapacityBlockExpiryActsSoon_DeferredNothingStartedTheWindowNameUnspent()
    {
        await using var harness = await StartAsync(OnCapacityBlock("+4h"), SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        var reason = Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>();
        Assert.Contains("deferred: Capacity Block cr-0a000000000000001 ends at 2026-01-04 05:00Z; its expiry starts at 2026-01-04 03:30Z", reason, StringComparison.Ordinal);
        Assert.Empty(output["started"]!.AsArray());
        Assert.Empty(harness.Aws.Calls.Of("states", "StartExecution"));
    }

    [Fact]
    public async Task RotationReconciler_CapacityBlockExpiryActsLater_RotationStarts()
    {
        await using var harness = await StartAsync(OnCapacityBlock("+7h"), SundayNight);

        var output = await harness.InvokeAsync("RotationReconciler", ScheduledEvent());

        Assert.Single(output["started"]!.AsArray());
        Assert.Empty(output["skipped"]!.AsArray());
    }

    private static async Task<HandlerHarness> StartAsync(Scenario scenario, DateTimeOffset start)
    {
        var harness = await HandlerHarness.StartAsync(scenario, start: start);
        foreach (var name in (string[])["ClusterSecretRotationStateMachine", "RotationNoticeStateMachine"])
        {
            harness.CreateStandInStateMachine(name);
        }
        harness.Aws.Clock.Advance(TimeSpan.FromHours(2));
        return harness;
    }

    private static string ScheduledEvent() => """
        {"version":"0","id":"cdc73f9d-aea9-11e3-9d5a-835b769c0d9c","detail-type":"Scheduled Event","source":"aws.events",
         "account":"111122223333","time":"2026-01-04T03:00:00Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:111122223333:rule/pcs-automation-rotation-reconciler"],"detail":{}}
        """;
}
