using System.Globalization;
using PcsAutomation.LocalAws.World;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// What one rotation costs, as Step Functions and Lambda bill it, with a 10-minute scale-down (instances take 10 minutes
/// to shut down): state transitions and Lambda invocations are counted by the emulator's engine. Bounds, not timings:
/// the figures are printed for the benchmark note.
/// </summary>
public class RotationCostTests(ITestOutputHelper output)
{
    // us-east-1 list prices: Standard workflows $0.025 per 1,000 transitions; Lambda $0.20 per million requests and
    // $0.0000166667 per GB-second (256 MB, and a generous 200 ms billed per short AOT step).
    private const decimal PerTransition = 0.000025m;
    private const decimal PerRequest = 0.0000002m;
    private const decimal PerInvocationCompute = 0.0000166667m * 0.25m * 0.2m;

    [Theory]
    [InlineData(0)]   // 1 node group
    [InlineData(9)]   // 10 node groups
    public async Task Rotation_TenMinuteScaleDown_TransitionsAndInvocationsStayBounded(int computeGroups)
    {
        await using var workflow = await DeployedStack.StartAsync(
            DeployedStack.ManagedCluster("demo", computeGroups), durations: new Durations { InstanceShutdown = TimeSpan.FromMinutes(10) });

        var execution = await workflow.RotateAsync("demo");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var accounting = workflow.Aws.StepFunctions.Accounting(execution.Arn);
        var duration = execution.StopDate!.Value - execution.StartDate;
        var cost = (accounting.StateTransitions * PerTransition) + (accounting.LambdaInvocations * (PerRequest + PerInvocationCompute));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{computeGroups + 1} node group(s): {accounting.StateTransitions} state transitions, {accounting.LambdaInvocations} Lambda invocations, " +
            $"{accounting.ServiceIntegrationCalls} SNS/EventBridge calls, {duration.TotalMinutes:F1} min, about ${cost:F5} per rotation"));
        Assert.True(duration >= TimeSpan.FromMinutes(10), "the drain waited for the 10-minute shutdown");
        // the node group count does not multiply the steps: each handler loops over the groups itself
        Assert.InRange(accounting.StateTransitions, 30, 120);
        Assert.InRange(accounting.LambdaInvocations, 12, 40);
        workflow.AssertNoSecretValueAnywhere();
    }
}
