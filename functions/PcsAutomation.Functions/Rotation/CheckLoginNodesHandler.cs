using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary><c>CheckLoginNodes</c> input: <c>RefreshLoginNodes</c>' output plus the poll attempt (0 first).</summary>
internal sealed record CheckLoginNodesInput(string? CommandId, IReadOnlyList<string>? InstanceIds, int? Attempt);

/// <summary>A login node whose refresh ended badly, with SSM's invocation status (Failed, TimedOut, Cancelled, ...).</summary>
internal sealed record LoginNodeFailure(string InstanceId, string Status);

/// <summary>
/// Where the refresh stands. <paramref name="Done"/> when no invocation is still running; then a non-empty
/// <paramref name="Failed"/> means some login nodes still hold the old key.
/// </summary>
internal sealed record CheckLoginNodesOutput(bool Done, IReadOnlyList<string> Succeeded, IReadOnlyList<LoginNodeFailure> Failed, int Attempt, int WaitSeconds);

/// <summary><c>CheckLoginNodes</c>: one GetCommandInvocation per login node, no waiting (the state machine waits).</summary>
[LambdaFunction(Policies = "ReadCommandResults")]
internal sealed class CheckLoginNodesHandler(IAmazonSimpleSystemsManagement ssm)
{
    // SSM's terminal invocation statuses other than Success.
    private static readonly HashSet<string> FailedStatuses = new(StringComparer.Ordinal) { "Cancelled", "TimedOut", "Failed", "Cancelling" };

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CheckLoginNodesHandler(services.Aws.CreateSsm());
        return HandlerWrapper.Create(handler.HandleAsync,
            RotationJsonContext.Strict.CheckLoginNodesInput, RotationJsonContext.Strict.CheckLoginNodesOutput);
    }

    public async Task<CheckLoginNodesOutput> HandleAsync(CheckLoginNodesInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var instances = RotationInput.InstanceIds(input.InstanceIds, "instanceIds");
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var next = attempt + 1;
        var wait = PollingBackoff.NextWaitSeconds(attempt);
        if (instances.Count == 0 || string.IsNullOrWhiteSpace(input.CommandId))
            return new CheckLoginNodesOutput(true, [], [], next, wait);

        var commandId = input.CommandId;
        var succeeded = new List<string>();
        var failed = new List<LoginNodeFailure>();
        var pending = 0;
        foreach (var instanceId in instances)
        {
            var status = await StatusAsync(commandId, instanceId, context.CancellationToken).ConfigureAwait(false);
            if (status == "Success") succeeded.Add(instanceId);
            else if (FailedStatuses.Contains(status)) failed.Add(new LoginNodeFailure(instanceId, status));
            else pending++;
        }

        var done = pending == 0;
        context.Logger.LogInformation(
            $"Run Command {commandId}: {succeeded.Count} succeeded, {failed.Count} failed, {pending} still running" +
            (failed.Count > 0 ? $" (failed: {string.Join(", ", failed.Select(f => $"{f.InstanceId} {f.Status}"))})" : ""));
        return new CheckLoginNodesOutput(done, succeeded, failed, next, wait);
    }

    private async Task<string> StatusAsync(string commandId, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = await AwsCalls.RunAsync("SSM.GetCommandInvocation", instanceId, () => ssm.GetCommandInvocationAsync(
                new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return invocation.Status?.Value ?? "Pending";
        }
        catch (InvocationDoesNotExistException)
        {
            // SSM creates invocations shortly after SendCommand returns: not there yet means not started yet.
            return "Pending";
        }
    }
}
