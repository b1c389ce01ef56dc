using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// <c>capacity-blocks expire</c> as the README shows it: the <c>capacity</c> scenario, template.yaml's
/// CapacityBlockExpiryStateMachine and the product's handlers, in process, on the virtual clock (from 2026-01-05 08:00Z).
/// </summary>
public class CapacityExpireTemplateTests
{
    private const string GpuB = "cr-0b000000000000001"; // ends 12:00Z; gpu-b fails over to gpu-b-fallback; 2 jobs of 6h run on gpu-b
    private const string GpuD = "cr-0d000000000000001"; // ends 14:00Z; gpu-d is the only group of queue gpu-d; 2 jobs of 8h

    private static async Task<(CliOutcome Outcome, LocalAwsHost Aws)> RunAsync(string reservation, Func<LocalAwsHost, Task>? before = null)
    {
        LocalAwsHost? aws = null;
        var run = await CliRun.PipedAsync(host => host with
        {
            StartEmulator = async (request, cancellationToken) =>
            {
                var session = await TemplateEmulator.StartAsync(request, cancellationToken);
                aws = session.Aws;
                if (before is not null) await before(aws);
                return session;
            },
        }, "capacity-blocks", "expire", "--reservation", reservation, "--emulator", "capacity");
        return (run, aws!);
    }

    private static DateTimeOffset At(string text, string pattern) =>
        DateTimeOffset.ParseExact(Regex.Match(text, pattern).Groups[1].Value, "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact] // issue 11: every action done at least 15 minutes before EC2's termination (end − 30 min, capacity-blocks-using.html)
    public async Task Expire_FailoverBlock_DoneBeforeTheDeadlineAndTheJobsRunOnTheFallback()
    {
        var (run, _) = await RunAsync(GpuB);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains($"Started the expiry of Capacity Block {GpuB} (ends 2026-01-05 12:00:00Z): ", run.Text, StringComparison.Ordinal);
        Assert.Contains($"execution:pcs-automation-capacity-block-expiry:{ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, GpuB, new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero))}", run.Text, StringComparison.Ordinal);
        Assert.Contains("+2:30:00  waited   WaitForActionStart (2h 30m)", run.Text, StringComparison.Ordinal); // acts at end − 90 min
        // the grouped live view, as a log gets it: the queue edit's and the park's polls on one line each, no escape sequence
        Assert.Matches(@"  waited   for the queue update: 1 → 0 pending, \d+ polls, ", run.Text);
        Assert.Matches(@"  waited   for parked node groups to drain: 1 → 0 pending, \d+ polls, ", run.Text);
        Assert.DoesNotContain("  entered  ", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Text);
        Assert.Contains("notified Succeeded: PCS Capacity Block expiry handled: capacity", run.Text, StringComparison.Ordinal);
        Assert.Contains("gpu-b: failover to gpu-b-fallback: done", run.Text, StringComparison.Ordinal);
        Assert.Contains("queue gpu-b: gpu-b → gpu-b-fallback (done)", run.Text, StringComparison.Ordinal);
        Assert.Contains("parked gpu-b: min 0 max 2 saved, at 0/0 now", run.Text, StringComparison.Ordinal);
        var done = At(run.Text, @"Succeeded at (\S+ \S+Z)");
        var termination = new DateTimeOffset(2026, 1, 5, 11, 30, 0, TimeSpan.Zero);
        Assert.True(done <= termination - ExpiryTiming.SafetyMargin, $"done at {done:O}, termination {termination:O}");
        // 5 minutes after the end, the requeued jobs run on the fallback group (guide L3480)
        Assert.Contains("Slurm in the emulator at 2026-01-05 12:05:00Z", run.Text, StringComparison.Ordinal);
        Assert.Contains("  capacity/gpu-b: 2 running, 0 pending; node groups gpu-b-fallback; can run jobs now: gpu-b-fallback", run.Text, StringComparison.Ordinal);
    }

    [Fact] // guide L3423-3427, L3484: a queue whose only group expires holds its jobs
    public async Task Expire_OnlyGroupOfItsQueue_NeedsOperatorAndTheQueueHoldsItsJobs()
    {
        var (run, _) = await RunAsync(GpuD);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("notified NeedsOperator: PCS Capacity Block expiry needs an operator: capacity", run.Text, StringComparison.Ordinal);
        Assert.Contains("gpu-d: wind-down: done", run.Text, StringComparison.Ordinal);
        Assert.Matches(@"NEEDS OPERATOR: queue gpu-d \(pcs_\w+\): node group gpu-d", run.Text);
        Assert.Contains("CapacityBlockNeedsOperator", run.Text, StringComparison.Ordinal);
        Assert.Contains("  capacity/gpu-d: 0 running, 2 pending; node groups gpu-d; can run jobs now: none: HOLDS ITS JOBS", run.Text, StringComparison.Ordinal);
    }

    [Fact] // one execution per block and end date: a run the schedule started is followed, not started twice
    public async Task Expire_AlreadyStartedByTheSchedule_Attaches()
    {
        var end = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        var (run, aws) = await RunAsync(GpuB, aws =>
        {
            var input = ExpireRunner.Input(GpuB, end);
            input["trigger"] = "schedule";
            aws.StepFunctions.Invoke("StartExecution", new JsonObject
            {
                ["stateMachineArn"] = aws.Template!.StateMachineArns["CapacityBlockExpiryStateMachine"],
                ["name"] = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, GpuB, end),
                ["input"] = input.ToJsonString(),
            });
            return Task.CompletedTask;
        });

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains($"Attached to the execution already started for {GpuB}: ", run.Text, StringComparison.Ordinal);
        // the stack's reconciler runs every 15 minutes meanwhile and starts the other blocks' expiries: this block has one
        Assert.Single(aws.StepFunctions.Engine.Executions, e => e.Name.Contains(GpuB, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expire_UnknownReservation_UsageErrorAndNothingStarted()
    {
        var (run, aws) = await RunAsync("cr-0b000000000000009");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: No Capacity Reservation 'cr-0b000000000000009' in this account and Region", run.Text, StringComparison.Ordinal);
        Assert.Empty(aws.StepFunctions.Engine.Executions);
    }

    [Fact] // StartExecution: a name is kept 90 days (../shared/reference/botocore/stepfunctions.service-2.json)
    public async Task Expire_DryRunUnderTheSameName_RefusedNamingIt()
    {
        var end = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        var name = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, GpuB, end);
        var (run, aws) = await RunAsync(GpuB, aws =>
        {
            var input = ExpireRunner.Input(GpuB, end);
            input["dryRun"] = true;
            aws.StepFunctions.Invoke("StartExecution", new JsonObject
            {
                ["stateMachineArn"] = aws.Template!.StateMachineArns["CapacityBlockExpiryStateMachine"],
                ["name"] = name,
                ["input"] = input.ToJsonString(),
            });
            return Task.CompletedTask;
        });

        Assert.True(run.ExitCode == ExitCodes.Usage, run.Text);
        Assert.Contains($"error: Execution {name} exists as a dry run of the expiry of Capacity Block {GpuB} (ends 2026-01-05 12:00:00Z)", run.Text, StringComparison.Ordinal);
        Assert.Contains("Step Functions keeps an execution's name for 90 days", Regex.Replace(run.Text, @"\s+", " "), StringComparison.Ordinal); // the console wraps the line
        Assert.Single(aws.StepFunctions.Engine.Executions);
    }
}
