using PcsAutomation.Cli.Workflows;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Emulator;

/// <summary>What a workflow command's <c>--emulator</c> needs to start: the scenario (shipped name or YAML path) and the SAM template.</summary>
public sealed record EmulatorRequest(string Scenario, string TemplatePath);

/// <summary>Starts the in-process emulator for a workflow command's <c>--emulator</c> (tests pass a fixture; the CLI loads template.yaml).</summary>
public delegate Task<EmulatorSession> EmulatorStarter(EmulatorRequest request, CancellationToken cancellationToken);

/// <summary>A running emulator and the state machines deployed in it, by template logical id.</summary>
/// <param name="source">What deployed them (the template's path), for the error when one is missing.</param>
public sealed class EmulatorSession(LocalAwsHost aws, IReadOnlyDictionary<string, string> stateMachineArns, string source, IAsyncDisposable? owned = null)
    : IAsyncDisposable
{
    public LocalAwsHost Aws { get; } = aws;

    /// <summary>The ARN of <paramref name="machine"/>'s state machine; a usage error naming the template when it has none.</summary>
    public string StateMachineArn(WorkflowMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return stateMachineArns.GetValueOrDefault(machine.LogicalId)
            ?? throw new CliException($"{source} has no {machine.LogicalId}: this build cannot run the {machine.Noun} in the emulator.");
    }

    /// <summary>Whether the execution has ended (the live view stops advancing the clock then).</summary>
    public bool IsComplete(string executionArn) =>
        Aws.StepFunctions.Engine.Executions.Any(e => e.Arn == executionArn && e.IsComplete);

    /// <summary>
    /// Moves the virtual world forward by at most <paramref name="span"/> (Lambda invocations, EventBridge deliveries,
    /// engine timers and emulator work all run on the way), stopping early when <paramref name="stop"/> holds. This is
    /// the live view's "wait" in emulator mode. Fails when nothing at all is left to run and <paramref name="stop"/>
    /// still does not hold (an execution waiting for a task token nobody will send): polling again would loop forever.
    /// </summary>
    public async Task RunForAsync(TimeSpan span, Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var before = Aws.Clock.GetUtcNow();
        if (await Aws.RunUntilAsync(stop, span).ConfigureAwait(false)) return;
        if (Aws.Clock.GetUtcNow() == before && span > TimeSpan.Zero)
            throw new CliException("The emulator has nothing left to run but the execution has not ended (is it waiting for an event? feed it with `events send`).");
    }

    public async ValueTask DisposeAsync()
    {
        if (owned is not null) await owned.DisposeAsync().ConfigureAwait(false);
        await Aws.DisposeAsync().ConfigureAwait(false);
    }
}
