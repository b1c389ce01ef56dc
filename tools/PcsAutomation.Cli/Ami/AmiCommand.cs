using System.CommandLine;
using PcsAutomation.Cli.Aws;

namespace PcsAutomation.Cli.Ami;

/// <summary>
/// <c>pcs-automation ami latest</c>: which AMI a channel gives for a Slurm version and architecture, and why; and
/// <c>ami plan</c>, the roll-out's plan for a cluster (<see cref="NodeGroupUpdate.UpdateCommand.Plan"/>).
/// </summary>
internal static class AmiCommand
{
    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var slurm = new Option<string>("--slurm") { Description = "The cluster's Slurm major version, e.g. 25.11.", Required = true };
        var arch = new Option<string>("--arch") { Description = "The nodes' architecture: x86_64 or arm64.", Required = true };
        var channel = new Option<string>("--channel")
        {
            Description = "sample (PCS sample AMIs), custom:<AMI name pattern>, tag:<key>=<value> or ssm:<parameter name>.",
            DefaultValueFactory = _ => "sample",
        };
        var owner = new Option<string?>("--owner") { Description = "For custom: and tag: channels: self (default), amazon or an account id." };
        var emulator = new Option<string?>("--emulator") { Description = "Look up in the in-process emulator on this scenario (shipped: demo, or a YAML path)." };
        var output = new Option<string>("--output") { Description = "text (default) or json (for scripts).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var latest = new Command("latest", "The newest eligible AMI of a channel for a Slurm version and architecture, and why every other candidate was not chosen.")
        {
            slurm, arch, channel, owner, emulator, output,
        };
        latest.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = new AmiLatestRequest(parse.GetValue(slurm) ?? "", parse.GetValue(arch) ?? "", parse.GetValue(channel) ?? "sample",
                parse.GetValue(owner), parse.GetValue(output) == "json");
            return parse.GetValue(emulator) is { } scenario
                ? await AmiLatestRunner.RunInEmulatorAsync(host, request, scenario, cancellationToken).ConfigureAwait(false)
                : await AmiLatestRunner.RunAsync(host, settings(parse), request, cancellationToken).ConfigureAwait(false);
        }));
        return new Command("ami", "AMI lookups (the same rules the node group update uses) and roll-out plans.")
        {
            latest, NodeGroupUpdate.UpdateCommand.Plan(host, settings, guarded),
        };
    }
}
