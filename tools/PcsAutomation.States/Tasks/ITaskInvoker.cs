namespace PcsAutomation.States.Tasks;

/// <summary>
/// The host's side of a Task state: the emulator maps resources onto its services, the CLI onto mocks, tests onto
/// fakes. Return <see cref="TaskOutcome.Failed"/> for errors the workflow may catch (map a Lambda <c>errorType</c>
/// to <see cref="TaskOutcome.Error"/>, AWS service errors to <c>Service.Exception</c>); an exception thrown here
/// becomes <c>States.TaskFailed</c> with the exception message as cause.
/// </summary>
public interface ITaskInvoker
{
    ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
