using System.CommandLine;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Ami;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Cli.Events;
using PcsAutomation.Cli.Invoke;
using PcsAutomation.Cli.Report;
using PcsAutomation.Cli.NodeGroupUpdate;
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
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var parse = Build(host).Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = host.Output, Error = host.Error }, cancellationToken).ConfigureAwait(false);
        // A parse error (missing option, two targets, a value not allowed) is bad usage like any other: exit code 2, not System.CommandLine's 1.
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
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
        Task<int> Guard(Func<Task<int>> action) => Guarded(host, action);
        foreach (var command in new[]
                 {
                     RotateCommand.Create(host, Settings, Guard), UpdateCommand.Create(host, Settings, Guard), AmiCommand.Create(host, Settings, Guard),
                     CapacityBlocksCommand.Create(host, Settings, Guard), EventsCommand(host, Settings), ReportCommand.Create(host, Settings, Guard),
                     InvokeCommand.Create(host, Settings, Guard),
                 })
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
        return new Command("events", "Feed events to EventBridge, or write sample events for the template's triggers.")
        {
            send, GenerateCommand.Create(host, settings, action => Guarded(host, action)),
        };
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
