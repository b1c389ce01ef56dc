using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Emulator;

/// <summary>What <c>rotate --emulator</c> needs to start: the scenario (shipped name or YAML path) and the SAM template.</summary>
public sealed record EmulatorRequest(string Scenario, string TemplatePath);

/// <summary>Starts the in-process emulator for <c>rotate --emulator</c> (tests pass a fixture; the CLI loads template.yaml).</summary>
public delegate Task<EmulatorSession> EmulatorStarter(EmulatorRequest request, CancellationToken cancellationToken);

/// <summary>A running emulator and the ARN of the rotation state machine it holds.</summary>
public sealed class EmulatorSession(LocalAwsHost aws, string stateMachineArn, IAsyncDisposable? owned = null) : IAsyncDisposable
{
    public LocalAwsHost Aws { get; } = aws;

    public string StateMachineArn { get; } = stateMachineArn;

    /// <summary>Whether the execution has ended (the live view stops advancing the clock then).</summary>
    public bool IsComplete(string executionArn) =>
        Aws.StepFunctions.Engine.Executions.Any(e => e.Arn == executionArn && e.IsComplete);

    /// <summary>
    /// Moves the virtual world forward by <paramref name="span"/>: lets the engine finish what it is doing (Lambda
    /// invocations included), then jumps to the next due timer or emulator work, until the span is used or
    /// <paramref name="stop"/> holds. This is the live view's "wait" in emulator mode.
    /// </summary>
    public async Task RunForAsync(TimeSpan span, Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var engine = Aws.StepFunctions.Engine;
        var clock = Aws.Clock;
        var limit = clock.GetUtcNow() + span;
        while (true)
        {
            await engine.WhenIdleAsync().ConfigureAwait(false);
            if (stop()) return;
            var next = Earliest(engine.NextTimerDue, clock.NextDue);
            if (next is not { } due || due > limit)
            {
                clock.AdvanceTo(limit);
                await engine.WhenIdleAsync().ConfigureAwait(false);
                return;
            }

            clock.AdvanceTo(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (owned is not null) await owned.DisposeAsync().ConfigureAwait(false);
        await Aws.DisposeAsync().ConfigureAwait(false);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
