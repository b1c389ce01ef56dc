using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// The rotation definition run by the States engine with mocked steps (what <c>pcs-states-run --mock</c> does):
/// every path of the flow, on a virtual clock. The end-to-end runs with the real handlers are in
/// PcsAutomation.Workflows.Tests.
/// </summary>
public class RotationMockedRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_HappyPath_RotatesRestoresRefreshesNotifiesAndReleases()
    {
        var report = await RunAsync("input.json", Mocks("happy-path"));

        Assert.True(report.Succeeded, report.Error + ": " + report.Cause);
        AssertInOrder(report.VisitedStates,
            "PlanRotation", "AcquireClusterLease", "PlanRotationUnderLease", "PrepareNotificationStarting", "NotifyStarting", "ScaleNodeGroupsToZero",
            "CheckClusterDrained", "RotateClusterSecret", "CheckSecretRotation", "RestoreNodeGroups", "CheckNodeGroupsRestored",
            "RefreshLoginNodes", "CheckLoginNodes", "PrepareNotificationSucceeded", "NotifySucceeded", "ReleaseClusterLease", "RotationSucceeded");
        Assert.DoesNotContain("NotifyFailed", report.VisitedStates);
    }

    [Fact]
    public async Task Run_DryRun_PlansOnlyAndReturnsThePlan()
    {
        var report = await RunAsync("dry-run.input.json", Mocks("dry-run"));

        Assert.True(report.Succeeded, report.Cause);
        Assert.Equal(2, report.TaskInvocations); // PlanRotation, PlanJobProtection
        var output = JsonNode.Parse(report.Output!)!;
        Assert.True((bool)output["dryRun"]!);
        Assert.Equal("requeue", (string?)output["jobProtection"]!["action"]);
        Assert.StartsWith("REST disabled", (string?)output["jobProtection"]!["fallbackReason"], StringComparison.Ordinal);
        Assert.Equal(2, output["plan"]!["nodeGroups"]!.AsArray().Count);
    }

    [Fact]
    public async Task Run_MissingDryRun_MeansARealRun()
    {
        var report = await RunAsync(null, Mocks("happy-path"), input: """{"clusterId":"pcs_abc1234567"}""");

        Assert.True(report.Succeeded, report.Cause);
        Assert.Contains("ScaleNodeGroupsToZero", report.VisitedStates);
    }

    [Fact]
    public async Task Run_NoCluster_RefusedBeforeAnyStep()
    {
        var report = await RunAsync(null, Mocks("happy-path"), input: """{"dryRun":true}""");

        Assert.Equal("InvalidWorkflowInput", report.Error);
        Assert.Equal(0, report.TaskInvocations);
    }

    [Fact]
    public async Task Run_RotationFailedEvent_RestoresNotifiesFailedReleasesAndFailsWithTheReason()
    {
        var report = await RunAsync("input.json", Mocks("rotation-failed"));

        Assert.Equal("FAILED", report.Status);
        Assert.Equal("Automation.RotationFailed", report.Error);
        Assert.Contains("instances of the cluster are still running", report.Cause, StringComparison.Ordinal);
        AssertInOrder(report.VisitedStates, "RotateClusterSecret", "RestoreNodeGroups", "CheckNodeGroupsRestored", "PrepareNotificationFailed", "NotifyFailed", "ReleaseClusterLease", "RotationFailed");
        Assert.DoesNotContain("RefreshLoginNodes", report.VisitedStates);
    }

    // No AWS document says PCS updates authKey.secretVersion: Secrets Manager done, cluster silent is a success with a warning.
    [Fact]
    public async Task Run_RotatedNotConfirmedByTheCluster_SucceedsAndTellsIt()
    {
        var mocks = Mocks("happy-path");
        mocks["CheckSecretRotation"]!["Return"]!["Payload"]!["status"] = "ROTATED_UNCONFIRMED";

        var report = await RunAsync("input.json", mocks);

        Assert.True(report.Succeeded, report.Cause);
        AssertInOrder(report.VisitedStates, "CheckSecretRotation", "RotationOutcome", "StartRestore", "RestoreNodeGroups", "PrepareNotificationSucceeded", "NotifySucceeded");
    }

    [Fact]
    public async Task Run_NotificationCannotBePrepared_TheRotationGoesOn()
    {
        var mocks = Mocks("happy-path");
        mocks["PrepareNotificationStarting"] = JsonNode.Parse("""{"Throw":{"Error":"TransientAwsError","Cause":"DynamoDB.GetItem throttled"}}""");

        var report = await RunAsync("input.json", mocks);

        Assert.True(report.Succeeded, report.Cause);
        AssertInOrder(report.VisitedStates, "PrepareNotificationStarting", "ScaleNodeGroupsToZero");
        Assert.DoesNotContain("NotifyStarting", report.VisitedStates);
    }

    [Fact]
    public async Task Run_NoEventDelivered_FallsBackToPolling()
    {
        var report = await RunAsync("input.json", Mocks("no-event"));

        Assert.True(report.Succeeded, report.Cause);
        AssertInOrder(report.VisitedStates, "RotateClusterSecret", "StartRotationPolling", "CheckSecretRotation", "WaitForRotation", "CheckSecretRotation", "RestoreNodeGroups");
    }

    [Fact]
    public async Task Run_RestoreFails_NeedsOperatorThenReleasesAndFails()
    {
        var report = await RunAsync("input.json", Mocks("restore-failed"));

        Assert.Equal("NodeGroupNotFound", report.Error);
        AssertInOrder(report.VisitedStates, "RestoreNodeGroups", "PrepareNotificationNeedsOperator", "NotifyNeedsOperator", "ReleaseClusterLease", "CapacityNotRestored");
        Assert.DoesNotContain("NotifyFailed", report.VisitedStates);
    }

    [Fact]
    public async Task Run_LeaseHeld_ReleasesNothingItDoesNotOwnAndChangesNothing()
    {
        var mocks = Mocks("happy-path");
        mocks["AcquireClusterLease"] = JsonNode.Parse("""{"Throw":{"Error":"LeaseHeld","Cause":"held by arn:aws:states:us-east-1:111122223333:execution:x:y"}}""");

        var report = await RunAsync("input.json", mocks);

        Assert.Equal("LeaseHeld", report.Error);
        AssertInOrder(report.VisitedStates, "AcquireClusterLease", "ReleaseClusterLease", "RotationFailed");
        Assert.DoesNotContain("ScaleNodeGroupsToZero", report.VisitedStates);
        Assert.DoesNotContain("NotifyStarting", report.VisitedStates);
    }

    [Fact]
    public async Task Run_RefusedUnderTheLease_NotifiesWithoutTouchingCapacity()
    {
        var mocks = Mocks("happy-path");
        mocks["PlanRotationUnderLease"] = JsonNode.Parse("""{"Throw":{"Error":"ClusterStateForbidsRotation","Cause":"cluster is UPDATING"}}""");
        mocks["PrepareNotificationFailed"] = mocks["PrepareNotificationStarting"]!.DeepClone();
        mocks["PublishFailed"] = mocks["PublishStarting"]!.DeepClone();
        mocks["PutEventFailed"] = mocks["PutEventStarting"]!.DeepClone();

        var report = await RunAsync("input.json", mocks);

        Assert.Equal("ClusterStateForbidsRotation", report.Error);
        AssertInOrder(report.VisitedStates, "PlanRotationUnderLease", "PrepareNotificationFailed", "NotifyFailed", "ReleaseClusterLease", "RotationFailed");
        Assert.DoesNotContain("ScaleNodeGroupsToZero", report.VisitedStates);
        Assert.DoesNotContain("RestoreNodeGroups", report.VisitedStates);
    }

    [Fact]
    // The scale-down saves the scaling in the lease before touching a group, and the restore reads the lease: a
    // scale-down that failed half way goes straight into the one restore loop (the state machine carries no scaling).
    public async Task Run_ScaleDownCrashes_GoesStraightToTheRestore()
    {
        var mocks = Mocks("rotation-failed");
        mocks["ScaleNodeGroupsToZero"] = JsonNode.Parse("""{"Throw":{"Error":"LeaseLost","Cause":"leased by another execution"}}""");

        var report = await RunAsync("input.json", mocks);

        Assert.Equal("LeaseLost", report.Error);
        AssertInOrder(report.VisitedStates, "ScaleNodeGroupsToZero", "StartRestore", "RestoreNodeGroups", "CheckNodeGroupsRestored", "PrepareNotificationFailed", "NotifyFailed", "ReleaseClusterLease");
        Assert.DoesNotContain("CheckClusterDrained", report.VisitedStates);
    }

    [Fact]
    public async Task Run_NeverDrains_GivesUpAfterTheBoundAndRestores()
    {
        var mocks = Mocks("rotation-failed");
        var notDrained = """{"Return":{"Payload":{"drained":false,"nodeGroupsNotActive":[],"instancesStillUp":["i-0aaaaaaaaaaaaaaa1"],"attempt":ATTEMPT,"waitSeconds":WAIT}}}""";
        mocks["CheckClusterDrained"] = new JsonArray([.. Enumerable.Range(1, 25).Select(i => JsonNode.Parse(notDrained
            .Replace("ATTEMPT", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("WAIT", (i switch { 1 => 15, 2 => 30, 3 => 60, _ => 120 }).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))]);

        var report = await RunAsync("input.json", mocks);

        Assert.Equal("Automation.DrainTimeout", report.Error);
        Assert.Contains("i-0aaaaaaaaaaaaaaa1", report.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("RotateClusterSecret", report.VisitedStates);
        Assert.Contains("RestoreNodeGroups", report.VisitedStates);
        Assert.InRange(report.VirtualDuration, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Run_LoginNodeFails_ReportsFailureAfterCapacityIsBack()
    {
        var mocks = Mocks("happy-path");
        mocks["CheckLoginNodes"] = JsonNode.Parse("""{"Return":{"Payload":{"done":true,"succeeded":[],"failed":[{"instanceId":"i-0bbbbbbbbbbbbbbb1","status":"Failed"}],"attempt":1,"waitSeconds":15}}}""");
        mocks["PrepareNotificationFailed"] = mocks["PrepareNotificationStarting"]!.DeepClone();
        mocks["PublishFailed"] = mocks["PublishStarting"]!.DeepClone();
        mocks["PutEventFailed"] = mocks["PutEventStarting"]!.DeepClone();

        var report = await RunAsync("input.json", mocks);

        Assert.Equal("Automation.LoginNodesNotRefreshed", report.Error);
        Assert.Contains("i-0bbbbbbbbbbbbbbb1", report.Cause, StringComparison.Ordinal);
        AssertInOrder(report.VisitedStates, "CheckNodeGroupsRestored", "CheckLoginNodes", "PrepareNotificationFailed", "NotifyFailed", "ReleaseClusterLease");
    }

    [Fact]
    public async Task Run_ReserveJobsEndDuringTheWait_ExtendsTheLeaseWaitsThenScalesAndReleases()
    {
        var report = await RunAsync("input.json", ReserveMocks(Answer("WAIT", 300), Answer("READY", 0)));

        Assert.True(report.Succeeded, report.Error + ": " + report.Cause);
        AssertInOrder(report.VisitedStates,
            "PrepareNotificationStarting", "PlanJobProtectionAndApply", "StartJobWait", "WaitForRunningJobs", "AcquireClusterLeaseForJobWait", "WaitForJobs",
            "WaitForRunningJobs", "ScaleNodeGroupsToZero", "RestoreNodeGroups", "ReleaseJobProtection", "PrepareNotificationSucceeded", "ReleaseClusterLease");
    }

    [Fact]
    public async Task Run_ReserveTimedOutWithAbort_ReleasesNotifiesFailedAndNeverScales()
    {
        var report = await RunAsync("input.json", ReserveMocks(Answer("TIMED_OUT", 0, "abort")));

        Assert.Equal("Automation.JobWaitTimeout", report.Error);
        Assert.Contains("nothing was scaled", report.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("ScaleNodeGroupsToZero", report.VisitedStates);
        Assert.DoesNotContain("RestoreNodeGroups", report.VisitedStates);
        AssertInOrder(report.VisitedStates, "WaitForRunningJobs", "JobWaitAborted", "ReleaseJobProtectionBeforeScale", "PrepareNotificationFailed", "ReleaseClusterLease", "RotationFailed");
    }

    [Fact]
    public async Task Run_ReserveTimedOutWithProceed_ScalesDown()
    {
        var report = await RunAsync("input.json", ReserveMocks(Answer("TIMED_OUT", 0, "proceed")));

        Assert.True(report.Succeeded, report.Error + ": " + report.Cause);
        AssertInOrder(report.VisitedStates, "WaitForRunningJobs", "ScaleNodeGroupsToZero", "ReleaseJobProtection", "RotationSucceeded");
    }

    private static JsonObject Answer(string outcome, int waitSeconds, string? onTimeout = null) => new()
    {
        ["Return"] = new JsonObject
        {
            ["Payload"] = new JsonObject
            {
                ["outcome"] = outcome, ["reason"] = "2 job(s) still running: 11, 12", ["runningJobs"] = new JsonArray("11", "12"),
                ["onTimeout"] = onTimeout, ["attempt"] = 1, ["waitSeconds"] = waitSeconds,
            },
            ["StatusCode"] = 200,
        },
    };

    /// <summary>The happy path's mocks with reserve applied and the given answers of WaitForRunningJobs, in order.</summary>
    private static JsonObject ReserveMocks(params JsonObject[] waits)
    {
        var mocks = Mocks("happy-path");
        var apply = mocks["PlanJobProtectionAndApply"]!["Return"]!["Payload"]!.AsObject();
        apply["action"] = "reserve";
        apply["effectivePolicy"] = "reserve";
        apply["fallbackReason"] = null;
        apply["reservationName"] = "pcs-automation-run-1";
        apply["applied"] = true;
        mocks["WaitForRunningJobs"] = new JsonArray([.. waits]);
        mocks["AcquireClusterLeaseForJobWait"] = mocks["AcquireClusterLease"]!.DeepClone();
        return mocks;
    }

    private static JsonObject Mocks(string name) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture($"Rotation/{name}.mocks.json")))!.AsObject();

    private static Task<LocalRunReport> RunAsync(string? inputFile, JsonObject mocks, string? input = null) =>
        LocalRun.RunAsync(
            File.ReadAllText(RotationDefinitionTests.DefinitionPath),
            input ?? File.ReadAllText(RepoPaths.Fixture("Rotation/" + inputFile)),
            mocks.ToJsonString(),
            Start);

    private static void AssertInOrder(IReadOnlyList<string> visited, params string[] expected)
    {
        var at = 0;
        foreach (var state in expected)
        {
            var found = -1;
            for (var i = at; i < visited.Count; i++)
            {
                if (visited[i] == state)
                {
                    found = i;
                    break;
                }
            }
            Assert.True(found >= 0, $"{state} not visited after position {at}: {string.Join(" -> ", visited)}");
            at = found + 1;
        }
    }
}
