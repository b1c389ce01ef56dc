using System.Text.Json.Nodes;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Faults;
using static PcsAutomation.Functions.Tests.CapacityBlocks.CapacityBlockTriggers;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

public sealed class CapacityBlockReconcilerHandlerTests
{
    private static Dictionary<string, string> Reasons(JsonNode output) =>
        output["skipped"]!.AsArray().ToDictionary(s => s!["reservationId"]!.GetValue<string>(), s => s!["reason"]!.GetValue<string>(), StringComparer.Ordinal);

    [Fact]
    public async Task CapacityBlockReconciler_BlocksOfEveryKind_StartsTheUsedOnesWithinTheHorizonOnceEach()
    {
        await using var h = await StartAsync();

        var output = await ReconcileAsync(h);

        Assert.Equal([ExpiryName(h, Soon), ExpiryName(h, Shared)], Executions(h).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("expire-cr-0a000000000000001-20260105T110000", ExpiryName(h, Soon));
        var soon = Assert.Single(Executions(h), e => e.Name == ExpiryName(h, Soon));
        Assert.Equal("""{"reservationId":"cr-0a000000000000001","endDate":"2026-01-05T11:00:00Z","mode":"expire","trigger":"schedule","dryRun":false}""", soon.Input);
        var started = output["started"]!.AsArray();
        Assert.Equal([Soon, Shared], started.Select(s => s!["reservationId"]!.GetValue<string>()));
        var shared = started[1]!["nodeGroupIds"]!.AsArray().Select(g => g!.GetValue<string>());
        Assert.Equal(new[] { h.NodeGroupId("shared-a"), h.NodeGroupId("shared-b", "other") }.Order(StringComparer.Ordinal), shared.Order(StringComparer.Ordinal)); // one execution for both clusters
        Assert.True(output["clustersRead"]!.GetValue<bool>());
        var reasons = Reasons(output);
        Assert.StartsWith("ends at 2026-01-06 14:00Z, beyond the 24h00m horizon", reasons[Later], StringComparison.Ordinal);
        Assert.Equal("no CAPACITY_BLOCK node group uses it", reasons[Unused]);
        Assert.Equal("no CAPACITY_BLOCK node group uses it", reasons[Foreign]); // only an unmanaged cluster does
        Assert.Equal(3, reasons.Count);
        Assert.Contains(output["clustersLeftOut"]!.AsArray(), c => c!["clusterId"]!.GetValue<string>() == h.ClusterId("unmanaged")
            && c["reason"]!.GetValue<string>().StartsWith("not managed", StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.Contains(h.Transcript, line => line.Contains($"{r.Key}: no expiry started: {r.Value}", StringComparison.Ordinal)));
    }

    [Fact] // the steady state: every block due has its execution, so the clusters are not read again
    public async Task CapacityBlockReconciler_RunAgain_StartsNothingAndReadsNoCluster()
    {
        await using var h = await StartAsync(World(onlyUsedBlocks: true));
        await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(15));
        var calls = h.Aws.Calls.Calls.Count;

        var second = await ReconcileAsync(h);

        Assert.Empty(second["started"]!.AsArray());
        Assert.Equal([Soon, Shared], second["alreadyStarted"]!.AsArray().Select(s => s!["reservationId"]!.GetValue<string>()));
        Assert.False(second["clustersRead"]!.GetValue<bool>());
        Assert.Equal(0, CallsSince(h, calls, "pcs"));
        Assert.Equal(2, Executions(h).Count);
    }

    [Fact] // an extension moves the end only once paid (guide L3472-3476): a new name, a new execution
    public async Task CapacityBlockReconciler_ExtensionPaid_StartsTheExecutionOfTheNewEnd()
    {
        await using var h = await StartAsync(World(onlyUsedBlocks: true));
        await ReconcileAsync(h);
        var first = ExpiryName(h, Soon);
        h.Aws.Scenarios.ExtendCapacityBlock(Soon, EndOf(h, Soon).AddHours(12));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(15));

        var output = await ReconcileAsync(h);

        var started = Assert.Single(output["started"]!.AsArray())!;
        Assert.Equal("expire-cr-0a000000000000001-20260105T230000", started["executionName"]!.GetValue<string>());
        Assert.NotEqual(first, started["executionName"]!.GetValue<string>());
        Assert.Equal(3, Executions(h).Count);
        Assert.True(output["clustersRead"]!.GetValue<bool>());
    }

    [Fact] // a block nobody uses never gets an execution, so it costs a read of the clusters on every run
    public async Task CapacityBlockReconciler_UnusedBlockDue_ReadsTheClustersEveryRun()
    {
        await using var h = await StartAsync();
        await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(15));

        var second = await ReconcileAsync(h);

        Assert.True(second["clustersRead"]!.GetValue<bool>());
        Assert.Equal("no CAPACITY_BLOCK node group uses it", Reasons(second)[Unused]);
        Assert.Empty(second["started"]!.AsArray());
    }

    [Fact]
    public async Task CapacityBlockReconciler_BlockEnded_SkippedAsOverNothingStarted()
    {
        await using var h = await StartAsync();
        h.Aws.Clock.Advance(TimeSpan.FromHours(3));

        var output = await ReconcileAsync(h);

        Assert.StartsWith("already over (expired, end 2026-01-05 11:00Z)", Reasons(output)[Soon], StringComparison.Ordinal);
        Assert.DoesNotContain(Executions(h), e => e.Name.Contains(Soon, StringComparison.Ordinal));
    }

    [Fact] // one block's failure never stops the others; the next run starts it
    public async Task CapacityBlockReconciler_OneStartFails_TheOtherStartsAndTheNextRunRetries()
    {
        await using var h = await StartAsync();
        h.Aws.Faults.Add(new FaultRule("states", "StartExecution") { FailOnNthCall = 1, ForcedErrorCode = "ServiceUnavailable", ForcedErrorStatus = 503 });

        var output = await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(15));
        var next = await ReconcileAsync(h);

        var failed = Assert.Single(output["failed"]!.AsArray())!;
        Assert.Equal(Soon, failed["reservationId"]!.GetValue<string>());
        Assert.Contains("ServiceUnavailable", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Shared, Assert.Single(output["started"]!.AsArray())!["reservationId"]!.GetValue<string>());
        Assert.Equal(Soon, Assert.Single(next["started"]!.AsArray())!["reservationId"]!.GetValue<string>());
        Assert.Equal(2, Executions(h).Count);
    }

    [Fact] // an extension sends no event: the schedule puts back what the expiry parked
    public async Task CapacityBlockReconciler_ParkedGroupsBlockExtended_StartsTheirRestoreOnce()
    {
        await using var h = await StartAsync();
        Park(h, "gpu-a", Soon);
        h.Aws.Scenarios.ExtendCapacityBlock(Soon, EndOf(h, Soon).AddDays(1));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(1));

        var output = await ReconcileAsync(h);
        var again = await ReconcileAsync(h);

        var restore = Assert.Single(output["started"]!.AsArray(), s => s!["mode"]!.GetValue<string>() == "restore")!;
        Assert.Equal("expire-cr-0a000000000000001-restore-20260106T110000", restore["executionName"]!.GetValue<string>());
        Assert.Equal([h.NodeGroupId("gpu-a")], restore["nodeGroupIds"]!.AsArray().Select(g => g!.GetValue<string>()));
        var execution = Assert.Single(Executions(h), e => e.Name == restore["executionName"]!.GetValue<string>());
        Assert.Equal("""{"reservationId":"cr-0a000000000000001","endDate":"2026-01-06T11:00:00Z","mode":"restore","trigger":"schedule","dryRun":false}""", execution.Input);
        Assert.DoesNotContain(again["started"]!.AsArray(), s => s!["mode"]!.GetValue<string>() == "restore");
        Assert.Contains(again["alreadyStarted"]!.AsArray(), s => s!["executionName"]!.GetValue<string>() == restore["executionName"]!.GetValue<string>());
    }

    [Fact] // a restore that failed (the lease held past its wait) took its name for good: the groups must not stay at 0/0
    public async Task CapacityBlockReconciler_RestoreFailed_NextRunStartsTheNextAttemptUntilTheLastThenNeedsOperator()
    {
        await using var h = await HandlerHarness.StartAsync(World(), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_CAPACITY_BLOCK_EXPIRY_STATE_MACHINE_ARN"] = $"arn:aws:states:us-east-1:111122223333:stateMachine:{ExpiryMachine}",
        }, Start);
        h.CreateStandInStateMachine(ExpiryMachine, """{"StartAt":"Fail","States":{"Fail":{"Type":"Fail","Error":"Automation.LeaseWaitTimeout","Cause":"the lease stayed held"}}}""");
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        Park(h, "gpu-a", Soon);
        h.Aws.Scenarios.ExtendCapacityBlock(Soon, EndOf(h, Soon).AddDays(1));
        var first = "expire-cr-0a000000000000001-restore-20260106T110000";

        var names = new List<string>();
        JsonNode output = new JsonObject();
        for (var run = 1; run <= RestoreAttempts.Max + 1; run++)
        {
            h.Aws.Clock.Advance(TimeSpan.FromMinutes(15));
            output = await ReconcileAsync(h);
            foreach (var execution in Executions(h))
                await execution.Completion;
            names.AddRange(output["started"]!.AsArray().Where(s => s!["mode"]!.GetValue<string>() == "restore").Select(s => s!["executionName"]!.GetValue<string>()));
        }

        Assert.Equal([first, $"{first}-2", $"{first}-3", $"{first}-4", $"{first}-5"], names);
        var failed = Assert.Single(output["failed"]!.AsArray())!;
        Assert.Equal(Soon, failed["reservationId"]!.GetValue<string>());
        Assert.Equal($"restore failed 5 times (last {first}-5: FAILED): needs operator", failed["reason"]!.GetValue<string>());
        Assert.Contains(h.Transcript, line => line.Contains("they stay parked at 0/0 until an operator restores them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CapacityBlockReconciler_ParkedGroupsBlockNotExtended_NoRestore()
    {
        await using var h = await StartAsync();
        Park(h, "gpu-a", Soon);

        var output = await ReconcileAsync(h);

        Assert.DoesNotContain(output["started"]!.AsArray(), s => s!["mode"]!.GetValue<string>() == "restore");
        Assert.DoesNotContain(Executions(h), e => e.Name.Contains("-restore-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CapacityBlockReconciler_HorizonTooShortForTheLead_InitErrorNamingTheVariable()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES"] = "180",
            ["PCS_AUTOMATION_CAPACITY_BLOCK_HORIZON_HOURS"] = "4",
        };
        await using var h = await StartAsync(variables: variables);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReconcileAsync(h));

        Assert.StartsWith("PCS_AUTOMATION_CAPACITY_BLOCK_HORIZON_HOURS: Horizon: 4h00m is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Empty(Executions(h));
    }

    [Theory]
    [InlineData("PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES", "90m", "PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES is '90m': it must be a whole number of minutes.")]
    [InlineData("PCS_AUTOMATION_CAPACITY_BLOCK_ROTATION_MARGIN_MINUTES", "2000", "PCS_AUTOMATION_CAPACITY_BLOCK_ROTATION_MARGIN_MINUTES: RotationMargin: 33h20m is not allowed")]
    public async Task CapacityBlockReconciler_BadSetting_InitErrorNamingTheVariable(string variable, string value, string message)
    {
        await using var h = await StartAsync(variables: new Dictionary<string, string>(StringComparer.Ordinal) { [variable] = value });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReconcileAsync(h));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
