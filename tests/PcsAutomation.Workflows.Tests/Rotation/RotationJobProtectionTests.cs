using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// Issue 12's rotation checks, end to end on the emulator's slurmrestd: reserve and drain keep every job alive, the
/// timeout actions, the fallbacks to requeue with their reason in the plan, and no key or token anywhere.
/// </summary>
public class RotationJobProtectionTests
{
    private const string Cluster = "demo";
    private const string Queue = "batch";

    /// <summary>The stack in the clusters' VPC: both REST network parameters set.</summary>
    private static readonly Dictionary<string, string> RestNetwork = new(StringComparer.Ordinal)
    {
        ["SlurmRestSubnetIds"] = "subnet-0123456789abcdef0",
        ["SlurmRestSecurityGroupId"] = "sg-0123456789abcdef0",
    };

    private static Scenario RestCluster(bool rest = true, params (string Key, string Value)[] tags)
    {
        var scenario = Scenario.Cluster(Cluster)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("login", min: 1, max: 1)
            .WithNodeGroup("compute", min: 0, max: 4)
            .WithQueue(Queue, "compute");
        if (rest) scenario = scenario.WithSlurmRest();
        foreach (var (key, value) in tags) scenario = scenario.WithTag(key, value);
        return scenario;
    }

    /// <summary>Starts the stack, submits <paramref name="count"/> jobs and runs the clock until they all run.</summary>
    private static async Task<DeployedStack> WithRunningJobsAsync(Scenario scenario, int count, TimeSpan duration, TimeSpan timeLimit,
        IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null, bool network = true)
    {
        var workflow = await DeployedStack.StartAsync(scenario, wrap, parameters: network ? RestNetwork : null);
        workflow.Aws.Scenarios.SubmitJobs(Cluster, Queue, count, duration, timeLimit);
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Aws.Slurm.Jobs(Cluster).Count(j => j.State == "RUNNING") == count, TimeSpan.FromHours(1)),
            $"the jobs did not start: {string.Join(", ", workflow.Aws.Slurm.Jobs(Cluster).Select(j => j.State))}");
        return workflow;
    }

    /// <summary>Wraps ScaleNodeGroupsToZero to count the jobs running when the window's capacity goes away.</summary>
    private static Dictionary<string, Func<FunctionCall, FunctionCall>> CountRunningAtScaleDown(Func<DeployedStack> stack, List<int> seen) =>
        new(StringComparer.Ordinal)
        {
            ["ScaleNodeGroupsToZeroFunction"] = next => (payload, token) =>
            {
                seen.Add(stack().Aws.Slurm.Jobs(Cluster).Count(j => j.State == "RUNNING"));
                return next(payload, token);
            },
        };

    private static JsonNode Jobs(Execution execution) => JsonNode.Parse(execution.Output!)!["jobs"]!;

    [Theory]
    [InlineData("reserve")]
    [InlineData("drain")]
    public async Task Rotation_RunningJobsUnderPolicy_NoJobRequeuedIdleAtScaleDownAndCleanedUp(string policy)
    {
        DeployedStack? stack = null;
        var runningAtScaleDown = new List<int>();
        await using var workflow = stack = await WithRunningJobsAsync(
            RestCluster(true, ("pcs-automation:job-policy", policy), ("pcs-automation:job-policy-timeout", "2h")),
            count: 3, duration: TimeSpan.FromMinutes(40), timeLimit: TimeSpan.FromHours(1), CountRunningAtScaleDown(() => stack!, runningAtScaleDown));
        var scalingBefore = workflow.Scaling(Cluster);

        var execution = await workflow.RotateAsync(Cluster);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var jobs = Jobs(execution);
        Assert.Equal(policy, (string?)jobs["action"]);
        Assert.Null((string?)jobs["fallbackReason"]);
        Assert.True((bool)jobs["applied"]!);
        Assert.Contains("WaitForRunningJobs", workflow.Execution(execution.Arn).VisitedStates);
        Assert.Equal([0], runningAtScaleDown);                                     // the window opened with idle nodes
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.Equal(0, j.Requeues)); // no job killed or requeued
        Assert.Equal(3, workflow.Aws.Slurm.Jobs(Cluster).Count(j => j.State == "COMPLETED"));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));                       // the reservation is removed
        Assert.DoesNotContain(workflow.Aws.Slurm.Nodes(Cluster), n => n.Reason?.StartsWith("pcs-automation-", StringComparison.Ordinal) == true);
        Assert.Empty(JsonNode.Parse(execution.Output!)!["jobCleanup"]!["problems"]!.AsArray());
        if (policy == "drain")
            Assert.Equal(4, jobs["drainedNodes"]!.AsArray().Count);               // compute-1..4, powered down ones too
        Assert.Equal(scalingBefore.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max)), workflow.Scaling(Cluster).ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max)));
        Assert.NotEqual(workflow.SecretState(Cluster).CurrentVersion, (string?)JsonNode.Parse(execution.Output!)!["plan"]!["currentVersionId"]);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_RestGoneBeforeCleanup_SucceedsAndTheNotificationSaysWhatTheOperatorMustRemove()
    {
        DeployedStack? stack = null;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            // slurmrestd goes away after the wait, before the cleanup
            ["ScaleNodeGroupsToZeroFunction"] = next => async (payload, token) =>
            {
                await stack!.Aws.SlurmRest.StopAsync(Cluster);
                return await next(payload, token);
            },
        };
        await using var workflow = stack = await WithRunningJobsAsync(
            RestCluster(true, ("pcs-automation:job-policy-timeout", "2h")), count: 1, duration: TimeSpan.FromMinutes(20), timeLimit: TimeSpan.FromMinutes(30), wrap);

        var execution = await workflow.RotateAsync(Cluster);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var reservation = (string?)Jobs(execution)["reservationName"];
        Assert.Equal(reservation, Assert.Single(workflow.Aws.Slurm.Reservations(Cluster)).Name);   // left behind, and said so
        Assert.NotEmpty(JsonNode.Parse(execution.Output!)!["jobCleanup"]!["problems"]!.AsArray());
        var message = Assert.Single(workflow.TopicMessages, m => m.Subject?.Contains("rotated", StringComparison.Ordinal) == true).Message;
        Assert.Contains("Needs operator (docs/runbooks/job-protection.md): the Slurm REST API cannot be used (endpoint unreachable: ", message, StringComparison.Ordinal);
        Assert.Contains($"remove reservation {reservation} by hand", message, StringComparison.Ordinal);
        Assert.Equal([Notifications.Started, Notifications.Succeeded], workflow.NotificationTypes);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_ReserveTimeoutProceed_JobsRequeuedAndRotationRuns()
    {
        await using var workflow = await WithRunningJobsAsync(
            RestCluster(true, ("pcs-automation:job-policy-timeout", "5m"), ("pcs-automation:job-policy-on-timeout", "proceed")),
            count: 2, duration: TimeSpan.FromHours(3), timeLimit: TimeSpan.FromHours(4));

        var execution = await workflow.RotateAsync(Cluster);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var wait = JsonNode.Parse(execution.Output!)!["jobWait"]!;
        Assert.Equal("TIMED_OUT", (string?)wait["outcome"]);
        Assert.Equal(2, wait["runningJobs"]!.AsArray().Count);
        Assert.Contains("proceed", (string?)wait["reason"], StringComparison.Ordinal);
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.True(j.Requeues > 0, $"job {j.JobId} was not requeued"));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_ReserveTimeoutAbort_NothingChangedAndFailedNamesTheJobs()
    {
        await using var workflow = await WithRunningJobsAsync(
            RestCluster(true, ("pcs-automation:job-policy-timeout", "5m")), count: 2, duration: TimeSpan.FromHours(3), timeLimit: TimeSpan.FromHours(4));
        var scalingBefore = workflow.Scaling(Cluster);
        var versionBefore = workflow.SecretState(Cluster).CurrentVersion;
        var jobIds = workflow.Aws.Slurm.Jobs(Cluster).Select(j => j.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var execution = await workflow.RotateAsync(Cluster);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("Automation.JobWaitTimeout", execution.Error);
        Assert.All(jobIds, id => Assert.Contains(id, execution.Cause, StringComparison.Ordinal));
        Assert.DoesNotContain("ScaleNodeGroupsToZero", workflow.Execution(execution.Arn).VisitedStates);
        Assert.Equal(scalingBefore, workflow.Scaling(Cluster));
        Assert.Equal(versionBefore, workflow.SecretState(Cluster).CurrentVersion);
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.Equal(("RUNNING", 0), (j.State, j.Requeues)));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.Equal([Notifications.Started, Notifications.Failed], workflow.NotificationTypes);
        Assert.Contains(jobIds[0], workflow.TopicMessages[^1].Message, StringComparison.Ordinal);
        Assert.Null(workflow.Lease(workflow.ClusterId(Cluster)));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_RestUnreachable_FallsBackToRequeueWithTheReasonInThePlan()
    {
        await using var workflow = await WithRunningJobsAsync(RestCluster(), count: 2, duration: TimeSpan.FromHours(3), timeLimit: TimeSpan.FromHours(4));
        await workflow.Aws.SlurmRest.StopAsync(Cluster);

        var execution = await workflow.RotateAsync(Cluster);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var jobs = Jobs(execution);
        Assert.Equal("requeue", (string?)jobs["action"]);
        Assert.StartsWith("endpoint unreachable: ", (string?)jobs["fallbackReason"], StringComparison.Ordinal);
        Assert.Contains(jobs["lines"]!.AsArray(), l => ((string?)l)!.Contains("instead of reserve", StringComparison.Ordinal));
        Assert.DoesNotContain("WaitForRunningJobs", workflow.Execution(execution.Arn).VisitedStates);
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.True(j.Requeues > 0));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Theory]
    [InlineData(false, true, "REST disabled on the cluster (slurmRest mode NONE)")]
    [InlineData(true, false, "the stack has no SlurmRestSubnetIds/SlurmRestSecurityGroupId")]
    public async Task Rotation_RestNotUsable_DryRunPlanSaysRequeueAndWhy(bool rest, bool network, string reason)
    {
        await using var workflow = await DeployedStack.StartAsync(RestCluster(rest), parameters: network ? RestNetwork : null);

        var execution = await workflow.RotateAsync(Cluster, dryRun: true);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var plan = JsonNode.Parse(execution.Output!)!["jobProtection"]!;
        Assert.Equal("requeue", (string?)plan["action"]);
        Assert.Contains("instead of reserve", (string?)plan["lines"]![0], StringComparison.Ordinal);
        Assert.Contains(reason, (string?)plan["fallbackReason"], StringComparison.Ordinal);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task AdvanceNotice_Reserve_WindowReservedADayAheadSoLongJobsWaitAndTheRotationRemovesIt()
    {
        var saturday = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var scenario = RestCluster(true, ("pcs-automation:rotation-max-age", "1h"));
        await using var workflow = await DeployedStack.StartAsync(scenario, start: saturday, parameters: RestNetwork);

        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.ExecutionsOf(DeployedStack.NoticeStateMachine) is [{ IsComplete: true }], TimeSpan.FromHours(30)));
        var notice = workflow.ExecutionsOf(DeployedStack.NoticeStateMachine)[0];
        Assert.True(notice.Status == ExecutionStatus.Succeeded, $"{notice.Error}: {notice.Cause}");
        var reservation = Assert.Single(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.StartsWith("pcs-automation-", reservation.Name, StringComparison.Ordinal);
        Assert.Contains("MAINT", reservation.Flags);
        // From the notice on, a job that would still run when the window opens does not start; a short one does.
        var longJob = Assert.Single(workflow.Aws.Scenarios.SubmitJobs(Cluster, Queue, 1, TimeSpan.FromHours(1), TimeSpan.FromHours(30)));
        var shortJob = Assert.Single(workflow.Aws.Scenarios.SubmitJobs(Cluster, Queue, 1, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30)));
        await workflow.Aws.RunUntilAsync(() => false, TimeSpan.FromHours(1));
        Assert.Equal("PENDING", workflow.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == longJob.JobId).State);
        Assert.Equal("COMPLETED", workflow.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == shortJob.JobId).State);

        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Executions is [{ IsComplete: true }], TimeSpan.FromHours(30)), "no rotation in the window");
        var rotation = workflow.Executions[0];
        Assert.True(rotation.Status == ExecutionStatus.Succeeded, $"{rotation.Error}: {rotation.Cause}");
        Assert.Equal(reservation.Name, (string?)Jobs(rotation)["reservationName"]);   // the rotation used the notice's reservation
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.Equal(0, j.Requeues));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_DryRunWithRest_PlanHasPolicyAndLinesAndNothingReserved()
    {
        await using var workflow = await WithRunningJobsAsync(RestCluster(), count: 2, duration: TimeSpan.FromMinutes(40), timeLimit: TimeSpan.FromHours(1));

        var execution = await workflow.RotateAsync(Cluster, dryRun: true);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var plan = JsonNode.Parse(execution.Output!)!["jobProtection"]!;
        Assert.Equal(("reserve", "reserve", false), ((string?)plan["action"], (string?)plan["effectivePolicy"], (bool)plan["applied"]!));
        Assert.Contains(plan["lines"]!.AsArray(), l => ((string?)l)!.StartsWith("Running jobs now: 2", StringComparison.Ordinal));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        workflow.AssertNoSecretValueAnywhere();
    }
}
