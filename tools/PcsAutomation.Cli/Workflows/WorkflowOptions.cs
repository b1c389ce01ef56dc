using System.CommandLine;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// The options every command that runs a workflow takes, with one meaning everywhere: <c>--cluster</c>, where the state
/// machine is (<c>--state-machine-arn</c> or <c>--name-prefix</c>), and <c>--emulator</c> with <c>--template</c>.
/// </summary>
internal sealed class WorkflowOptions
{
    private readonly bool onCluster;

    /// <param name="onCluster">False for a workflow that runs on something else (a Capacity Block's expiry): no <c>--cluster</c>.</param>
    public WorkflowOptions(WorkflowMachine machine, bool onCluster = true)
    {
        ArgumentNullException.ThrowIfNull(machine);
        this.onCluster = onCluster;
        StateMachineArn = new Option<string?>("--state-machine-arn") { Description = $"ARN of the {machine.LogicalId} (the stack output {machine.ArnOutput})." };
    }

    public Option<string> Cluster { get; } = new("--cluster") { Description = "The PCS cluster, by name or id.", Required = true };

    public Option<string?> StateMachineArn { get; }

    public Option<string?> NamePrefix { get; } = new("--name-prefix") { Description = "Find the state machine by the stack's NamePrefix parameter (<prefix>-<workflow>, ListStateMachines) instead of --state-machine-arn." };

    public Option<string?> Emulator { get; } = new("--emulator") { Description = "Run against the in-process emulator on this scenario (shipped: demo, or a YAML path), virtual clock." };

    public Option<string> Template { get; } = new("--template") { Description = "The SAM template the emulator loads.", DefaultValueFactory = _ => "template.yaml" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "The full live view: a line per state entered and exited (by default a line per step, each wait loop on one line)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (onCluster) command.Add(Cluster);
        command.Add(StateMachineArn);
        command.Add(NamePrefix);
        command.Add(Emulator);
        command.Add(Template);
        command.Add(Verbose);
        command.Validators.Add(result =>
        {
            if (result.GetValue(StateMachineArn) is not null && result.GetValue(NamePrefix) is not null)
                result.AddError("--state-machine-arn and --name-prefix name the same thing: pass one.");
        });
    }

    /// <summary>The emulator to start, or null to call AWS.</summary>
    public EmulatorRequest? EmulatorRequest(ParseResult parse) =>
        parse.GetValue(Emulator) is { } scenario ? new EmulatorRequest(scenario, parse.GetValue(Template)!) : null;

    /// <summary>How the live view prints: grouped or full (<c>--verbose</c>), in place on a terminal.</summary>
    public LiveViewOptions LiveView(ParseResult parse, CliHost host) => new(parse.GetValue(Verbose), host.LiveInPlace);

    public string ClusterName(ParseResult parse) => parse.GetValue(Cluster) ?? "";

    public StateMachineChoice StateMachine(ParseResult parse) => new(parse.GetValue(StateMachineArn), parse.GetValue(NamePrefix));
}

/// <summary>How the operator named the state machine: its ARN, a stack name, or neither (then: the emulator's, or the one in the Region).</summary>
public sealed record StateMachineChoice(string? Arn, string? NamePrefix)
{
    public static StateMachineChoice Default { get; } = new(null, null);
}
