using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Monitoring;
using Spectre.Console;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// Where a workflow command runs: AWS, as the CLI's settings say, or the in-process emulator on a scenario with the
/// template deployed. In the emulator the waits of the live view move the virtual clock (and everything scheduled on it)
/// instead of sleeping, until the execution being followed ends.
/// </summary>
public sealed class WorkflowConnection : IAsyncDisposable
{
    private readonly EmulatorSession? emulator;
    private string? followed;

    private WorkflowConnection(CliClients clients, TimeProvider time, Func<TimeSpan, CancellationToken, Task> delay, EmulatorSession? emulator)
    {
        Clients = clients;
        Time = time;
        Delay = delay;
        this.emulator = emulator;
    }

    public CliClients Clients { get; }

    /// <summary>The clock of execution names: the real one, or the emulator's virtual clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The in-process emulator, when the command runs against one (for what only it can show, such as Slurm's view); null against AWS.</summary>
    public EmulatorSession? Emulator => emulator;

    /// <summary>The live view's wait between polls.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; }

    /// <summary>The emulator when <paramref name="emulator"/> is given (<see cref="ToEmulatorAsync"/>), else AWS (<see cref="ToAws"/>).</summary>
    public static async Task<WorkflowConnection> OpenAsync(CliHost host, AwsSettings settings, EmulatorRequest? emulator, bool announce, CancellationToken cancellationToken) =>
        emulator is null ? ToAws(host, settings) : await ToEmulatorAsync(host, emulator, announce, cancellationToken).ConfigureAwait(false);

    /// <summary>Against AWS: the host's clock and waits.</summary>
    public static WorkflowConnection ToAws(CliHost host, AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var clients = new CliClients(settings.CreateFactory(host.Environment, host.Time));
        return new WorkflowConnection(clients, host.Time, host.Delay ?? ((span, token) => Task.Delay(span, host.Time, token)), null);
    }

    /// <summary>Starts the emulator (<see cref="CliHost.StartEmulator"/>); <paramref name="announce"/> prints where it listens and its clock.</summary>
    public static async Task<WorkflowConnection> ToEmulatorAsync(CliHost host, EmulatorRequest request, bool announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        var session = await host.StartEmulator(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var environment = session.Aws.EnvironmentVariables;
            var clients = new CliClients(new AwsSettings(null, null, null).CreateFactory(environment.GetValueOrDefault, session.Aws.Clock));
            WorkflowConnection? connection = null;
            Task Advance(TimeSpan span, CancellationToken token) =>
                session.RunForAsync(span, () => token.IsCancellationRequested || (connection!.followed is { } arn && session.IsComplete(arn)));
            connection = new WorkflowConnection(clients, session.Aws.Clock, Advance, session);
            if (announce)
                host.Console.WriteLine($"Emulator on {session.Aws.Endpoint} (scenario {request.Scenario}, virtual clock from {TimelineFormat.Timestamp(session.Aws.Clock.GetUtcNow())}).");
            return connection;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The ARN given, else the emulator's machine (by template logical id), else the one found by name in the Region.</summary>
    public async Task<string> MachineArnAsync(WorkflowMachine machine, StateMachineChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Arn is not null) return choice.Arn;
        if (emulator is not null) return emulator.StateMachineArn(machine);
        return await new StateMachineLocator(Clients.StepFunctionsInvoker).FindAsync(machine, choice.NamePrefix, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The execution the live view follows: in the emulator, time stops moving once it has ended.</summary>
    public void Follow(string executionArn) => followed = executionArn;

    /// <summary>The execution followed last (its page is written after the command), or null.</summary>
    public string? Followed => followed;

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        if (emulator is not null) await emulator.DisposeAsync().ConfigureAwait(false);
    }
}
