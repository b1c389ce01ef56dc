using System.CommandLine;
using System.Text.Json;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Events.Samples;
using Spectre.Console;

namespace PcsAutomation.Cli.Events;

/// <summary><c>events generate &lt;kind&gt;</c>: writes a sample event for one of template.yaml's triggers (without a kind: lists them).</summary>
public static class GenerateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guard)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(guard);
        var kind = new Argument<string?>("kind") { Description = "The event kind; without one, the kinds are listed.", Arity = ArgumentArity.ZeroOrOne };
        var cluster = new Option<string?>("--cluster") { Description = "Cluster id (with --emulator: its name or id)." };
        var nodeGroup = new Option<string?>("--node-group") { Description = "Node group id for the PCS call events (with --emulator: a name; default the cluster's first group)." };
        var ami = new Option<string?>("--ami") { Description = "AMI id the PCS call sets (with --emulator: default the group's image)." };
        var reservation = new Option<string?>("--reservation") { Description = "Capacity Reservation id of a Capacity Block (cr-…)." };
        var instance = new Option<string?>("--instance") { Description = "Instance id of the interruption warning (with --emulator: default one running in the block)." };
        var responseUrl = new Option<string?>("--response-url") { Description = "ResponseURL of a custom resource request (default: a pre-signed S3 URL in CloudFormation's form)." };
        var emulator = new Option<string?>("--emulator") { Description = "Read the ids, account, Region and time from this scenario (demo, capacity, or a YAML file), so `invoke --emulator` finds them." };
        var account = new Option<string?>("--account") { Description = $"Account of the envelope without --emulator (default {SampleContext.PlaceholderAccount})." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("generate", "Write a sample event for a trigger of template.yaml (the real shape; see `events generate` for the kinds).")
        {
            kind, cluster, nodeGroup, ami, reservation, instance, responseUrl, emulator, account, output,
        };
        command.SetAction((parse, cancellationToken) => guard(async () =>
        {
            if (parse.GetValue(kind) is not { } name)
            {
                ListKinds(host);
                return ExitCodes.Success;
            }
            var sample = SampleEventCatalog.Find(name);
            var request = new SampleRequest(parse.GetValue(cluster), parse.GetValue(nodeGroup), parse.GetValue(ami), parse.GetValue(reservation),
                parse.GetValue(instance), parse.GetValue(responseUrl));
            SampleContext context;
            if (parse.GetValue(emulator) is { } scenario)
            {
                await using var session = await ScenarioAccount.StartAsync(scenario, cancellationToken).ConfigureAwait(false);
                context = SampleScenario.FromEmulator(request, session.Aws);
            }
            else
            {
                context = SampleScenario.FromFlags(request, parse.GetValue(account) ?? SampleContext.PlaceholderAccount,
                    settings(parse).Region ?? "us-east-1", host.Time.GetUtcNow());
            }
            var json = sample.Build(context).ToJsonString(Indented);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
                host.Console.WriteLine($"wrote {sample.Name} ({sample.Trigger.FunctionLogicalId}) to {path}");
            }
            else
            {
                await host.Output.WriteLineAsync(json).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void ListKinds(CliHost host)
    {
        foreach (var sample in SampleEventCatalog.Kinds)
        {
            var trigger = sample.Trigger.EventName is { } e ? $"{sample.Trigger.FunctionLogicalId}.{e}" : sample.Trigger.FunctionLogicalId;
            host.Output.WriteLine($"{sample.Name,-46} {trigger,-52} {sample.Description}");
        }
    }
}
