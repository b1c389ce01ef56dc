using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// Completes a <c>.waitForTaskToken</c> step. Events may arrive twice and a step may already have timed out, so a
/// token Step Functions no longer knows is not an error: it is logged and reported as not delivered.
/// </summary>
internal sealed class TaskTokenCallbacks(IAmazonStepFunctions stepFunctions)
{
    // SendTaskFailure's cause is at most 32768 characters.
    private const int MaxCause = 32768;

    /// <summary>True when Step Functions took the result; false when the token was already used, timed out or unknown.</summary>
    /// <param name="output">The step's JSON output (what completed it).</param>
    public Task<bool> SucceedAsync(string taskToken, string clusterId, string output, ILambdaLogger logger, CancellationToken cancellationToken) =>
        SendAsync("SFN.SendTaskSuccess", clusterId, logger, () => stepFunctions.SendTaskSuccessAsync(
            new SendTaskSuccessRequest { TaskToken = taskToken, Output = output }, cancellationToken), cancellationToken);

    /// <inheritdoc cref="SucceedAsync"/>
    /// <param name="error">The error name the state machine catches (e.g. <c>Automation.RotationFailed</c>).</param>
    public Task<bool> FailAsync(string taskToken, string clusterId, string error, string cause, ILambdaLogger logger, CancellationToken cancellationToken) =>
        SendAsync("SFN.SendTaskFailure", clusterId, logger, () => stepFunctions.SendTaskFailureAsync(
            new SendTaskFailureRequest
            {
                TaskToken = taskToken,
                Error = error,
                Cause = cause.Length <= MaxCause ? cause : cause[..MaxCause],
            }, cancellationToken), cancellationToken);

    private static async Task<bool> SendAsync<T>(string operation, string clusterId, ILambdaLogger logger, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            await AwsCalls.RunAsync(operation, clusterId, send, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TaskDoesNotExistException or InvalidTokenException or TaskTimedOutException)
        {
            // Idempotence: a duplicate event, or a step that already gave up waiting (its fallback poll takes over).
            logger.LogInformation($"{operation} for cluster {clusterId} ignored: {((AmazonStepFunctionsException)e).ErrorCode} (the step is no longer waiting on this token)");
            return false;
        }
    }
}
