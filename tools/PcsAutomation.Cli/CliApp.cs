using System.CommandLine;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Ami;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Events;
using PcsAutomation.Cli.Rotation;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.ProductHost;
using Spectre.Console;

namespace PcsAutomation.Cli;

/// <summary>The <c>pcs-automation</c> command tree (System.CommandLine 2.0) over a <see cref="CliHost"/>.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Build(host).Parse(args).InvokeAsync(new InvocationConfiguration { Output = host.Output, Error = host.Error }, cancellationToken);
    }

    public static RootCommand Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var profile = new Option<string?>("--profile") { Description = "Named profile of ~/.aws/config (else AWS_PROFILE).", Recursive = true };
        var region = new Option<string?>("--region") { Description = "AWS Region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region).", Recursive = true };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Send every call to this URL (else AWS_ENDPOINT_URL), e.g. a running emulator.", Recursive = true };
        AwsSettings Settings(ParseResult parse) => new(parse.GetValue(profile), parse.GetValue(region), parse.GetValue(endpoint));

        var root = new RootCommand("Operator CLI of PcsAutomation: unattended, safe operations on AWS PCS clusters.");
        // The AWS settings belong to the commands that call AWS (serve is the emulator: it has its own --region).
        foreach (var command in new[] { RotateCommand(host, Settings), AmiCommand.Create(host, Settings, action => Guarded(host, action)), EventsCommand(host, Settings) })
        {
            command.Add(profile);
            command.Add(region);
            command.Add(endpoint);
            root.Add(command);
        }
        // The emulator for people and scripts, with template.yaml's functions running the product's handlers in process
        // (the emulator's own serve knows nothing of the product: it runs a bootstrap executable).
        root.Add(ServeCommand.Create(
            "Serve the local AWS with template.yaml deployed, its functions running the product's handlers in process, until Ctrl+C.",
            host.Time, () => new ProductFunctions(), defaultTemplate: "template.yaml"));
        return root;
    }

    private static Command RotateCommand(CliHost host, Func<ParseResult, AwsSettings> settings)
    {
        var cluster = new Option<string>("--cluster") { Description = "The PCS cluster, by name or id.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: groups and their scaling, instances to stop, BYO login nodes, expected downtime; no change." };
        var machine = new Option<string?>("--state-machine-arn") { Description = "ARN of the ClusterSecretRotationStateMachine (the stack output)." };
        var stack = new Option<string?>("--stack-name") { Description = "Find the state machine of this stack by name (ListStateMachines) instead of --state-machine-arn." };
        var emulator = new Option<string?>("--emulator") { Description = "Run against the in-process emulator on this scenario (shipped: demo, or a YAML path), virtual clock." };
        var template = new Option<string>("--template") { Description = "The SAM template the emulator loads.", DefaultValueFactory = _ => "template.yaml" };
        var command = new Command("rotate", "Rotate a cluster's Slurm secret through the rotation state machine and follow it live.")
        {
            cluster, dryRun, machine, stack, emulator, template,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(machine) is not null && result.GetValue(stack) is not null)
                result.AddError("--state-machine-arn and --stack-name name the same thing: pass one.");
        });
        command.SetAction((parse, cancellationToken) => Guarded(host, async () =>
        {
            var request = new RotateRequest(parse.GetValue(cluster) ?? "", parse.GetValue(dryRun), parse.GetValue(machine), parse.GetValue(stack));
            return parse.GetValue(emulator) is { } scenario
                ? await RotateInEmulatorAsync(host, request, new EmulatorRequest(scenario, parse.GetValue(template)!), cancellationToken).ConfigureAwait(false)
                : await RotateAsync(host, settings(parse), request, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> RotateAsync(CliHost host, AwsSettings settings, RotateRequest request, CancellationToken cancellationToken)
    {
        using var clients = new CliClients(settings.CreateFactory(host.Environment, host.Time));
        var delay = host.Delay ?? ((span, token) => Task.Delay(span, host.Time, token));
        var runner = new RotationRunner(clients, host.Time, delay, host.Console, host.Polling);
        return await runner.RunAsync(request, started: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RotateInEmulatorAsync(CliHost host, RotateRequest request, EmulatorRequest emulator, CancellationToken cancellationToken)
    {
        await using var session = await host.StartEmulator(emulator, cancellationToken).ConfigureAwait(false);
        var environment = session.Aws.EnvironmentVariables;
        using var clients = new CliClients(new AwsSettings(null, null, null).CreateFactory(environment.GetValueOrDefault, session.Aws.Clock));
        string? executionArn = null;
        // The live view's waits move the virtual clock (and everything scheduled on it) instead of sleeping.
        Task Advance(TimeSpan span, CancellationToken token) =>
            session.RunForAsync(span, () => token.IsCancellationRequested || (executionArn is not null && session.IsComplete(executionArn)));
        host.Console.WriteLine($"Emulator on {session.Aws.Endpoint} (scenario {emulator.Scenario}, virtual clock from {Monitoring.TimelineFormat.Timestamp(session.Aws.Clock.GetUtcNow())}).");
        var runner = new RotationRunner(clients, session.Aws.Clock, Advance, host.Console, host.Polling);
        return await runner.RunAsync(request with { StateMachineArn = request.StateMachineArn ?? session.StateMachineArn }, arn => executionArn = arn, cancellationToken)
            .ConfigureAwait(false);
    }

    private static Command EventsCommand(CliHost host, Func<ParseResult, AwsSettings> settings)
    {
        var file = new Argument<string>("file") { Description = "JSON file: one event (source, detail-type, detail, ...), a PutEvents entry, or an array of up to 10." };
        var send = new Command("send", "PutEvents the file's events to EventBridge (or the emulator's bus with --endpoint-url).") { file };
        send.SetAction((parse, cancellationToken) => Guarded(host, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"No event file '{path}'.");
            var entries = EventFile.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path));
            using var clients = new CliClients(settings(parse).CreateFactory(host.Environment, host.Time));
            var response = await clients.EventBridge.PutEventsAsync(entries, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < entries.Count; i++)
            {
                var result = i < response.Entries.Count ? response.Entries[i] : null;
                var label = $"{entries[i].Source} / {entries[i].DetailType}";
                if (result?.EventId is { } id)
                    host.Console.WriteLine($"sent {label}: event id {id}");
                else
                    host.Console.MarkupLine($"[red]{Markup.Escape($"failed {label}: {result?.ErrorCode ?? "unknown"}: {result?.ErrorMessage ?? "no result entry"}")}[/]");
            }

            return response.FailedEntryCount == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return new Command("events", "Feed events to EventBridge.") { send };
    }

    /// <summary>One line per error the operator can act on; the stack trace only for the unexpected.</summary>
    private static async Task<int> Guarded(CliHost host, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is CliException or AwsConfigurationException or EventFileException or ScenarioException)
        {
            host.Console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (WorkflowError e)
        {
            // the product's named errors (an AMI parameter missing, an unknown AMI id, ...): their messages name the problem
            host.Console.MarkupLine($"[red]error:[/] {Markup.Escape($"{e.GetType().Name}: {e.Message}")}");
            return ExitCodes.Failed;
        }
        catch (AmazonServiceException e)
        {
            host.Console.MarkupLine($"[red]error:[/] {Markup.Escape($"{e.ErrorCode}: {e.Message}")}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            host.Console.WriteLine("Stopped watching; the execution goes on (see it in the Step Functions console).");
            return ExitCodes.Interrupted;
        }
    }
}
