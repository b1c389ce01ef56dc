using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// Starts a state machine execution under a deterministic name (<c>ExecutionNames</c>): names are unique per state
/// machine, so a second start with the same name is refused as ExecutionAlreadyExists (StartExecution,
/// ../shared/reference/botocore/stepfunctions.service-2.json), which here means "already started", not an error.
/// </summary>
internal sealed class ExecutionStarter(IAmazonStepFunctions stepFunctions)
{
    /// <summary>The new execution's ARN, or null when an execution of that name exists already.</summary>
    public async Task<string?> StartOnceAsync(string stateMachineArn, string name, string input, string resource, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await AwsCalls.RunAsync("SFN.StartExecution", resource, () => stepFunctions.StartExecutionAsync(
                new StartExecutionRequest { StateMachineArn = stateMachineArn, Name = name, Input = input }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return execution.ExecutionArn;
        }
        catch (ExecutionAlreadyExistsException)
        {
            return null;
        }
    }
}
