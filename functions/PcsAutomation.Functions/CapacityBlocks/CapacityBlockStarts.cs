using System.Globalization;
using System.Text.Json;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>What the expiry state machine does with an execution: act before the block's end, or put parked groups back.</summary>
internal static class ExpiryModes
{
    public const string Expire = "expire";
    public const string Restore = "restore";
}

/// <summary>
/// The expiry state machine's input as a trigger writes it: <c>{"reservationId", "endDate" (EC2's EndDate as read,
/// ISO-8601 UTC), "mode", "trigger" (what started it: the schedule or the event's detail-type), "dryRun"}</c>.
/// </summary>
internal sealed record CapacityBlockExecutionInput(string ReservationId, string EndDate, string Mode, string Trigger, bool DryRun)
{
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// What the Capacity Block triggers start on <c>CapacityBlockExpiryStateMachine</c>, each under a deterministic name
/// (<c>ExecutionNames.ForCapacityBlock</c>, <c>RestoreForCapacityBlock</c>), so a second start is a no-op; and whether
/// a name was started already (DescribeExecution on its ARN), which lets the reconciler leave the clusters unread when
/// every block due has its execution. The ARN is read at init: a stack without it stops the function with one clear line.
/// </summary>
internal sealed class CapacityBlockStarts(ExecutionStarter starter, IAmazonStepFunctions stepFunctions, string stateMachineArn)
{
    public static CapacityBlockStarts Create(FunctionServices services, string function)
    {
        ArgumentNullException.ThrowIfNull(services);
        var arn = services.GetVariable(EnvironmentVariables.CapacityBlockExpiryStateMachineArn) is { Length: > 0 } set
            ? set
            : throw new InvalidOperationException($"{EnvironmentVariables.CapacityBlockExpiryStateMachineArn} is not set: {function} needs the Capacity Block expiry state machine's ARN.");
        var stepFunctions = services.Aws.CreateStepFunctions();
        return new CapacityBlockStarts(new ExecutionStarter(stepFunctions), stepFunctions, arn);
    }

    /// <summary>The execution's ARN, or null when an execution of that name exists already.</summary>
    public Task<string?> StartAsync(string name, string reservationId, DateTimeOffset endDate, string mode, string trigger, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Serialize(
            new CapacityBlockExecutionInput(reservationId, CapacityBlockExecutionInput.Instant(endDate), mode, trigger, DryRun: false),
            CapacityBlockTriggersJsonContext.Strict.CapacityBlockExecutionInput);
        return starter.StartOnceAsync(stateMachineArn, name, input, reservationId, cancellationToken);
    }

    /// <summary>Whether an execution named <paramref name="name"/> exists (whatever its status: a name is used once per state machine).</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await StatusAsync(name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The Step Functions status of the execution named <paramref name="name"/> (RUNNING, FAILED...), or null when there is none.</summary>
    public async Task<string?> StatusAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await AwsCalls.RunAsync("SFN.DescribeExecution", name, () => stepFunctions.DescribeExecutionAsync(
                new DescribeExecutionRequest { ExecutionArn = ExecutionArns.For(stateMachineArn, name) }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return execution.Status.Value;
        }
        catch (ExecutionDoesNotExistException)
        {
            return null;
        }
    }
}
