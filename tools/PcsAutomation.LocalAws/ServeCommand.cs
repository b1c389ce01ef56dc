using System.CommandLine;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws;

/// <summary>
/// The <c>serve</c> command: the emulator on a port for people and scripts (the AWS CLI), until Ctrl+C or <c>quit</c>.
/// The emulator's own Program runs template functions from a <c>bootstrap</c> executable (<c>--bootstrap</c>), one
/// process per function, as Lambda runs a custom runtime: it knows nothing of the product. The operator CLI
/// (<c>pcs-automation serve</c>) builds the same command with the product's handlers in process.
/// </summary>
public static class ServeCommand
{
    /// <param name="description">The command's help line.</param>
    /// <param name="realTime">The real clock of the wall clock mode and of bootstrap deadlines: only a Program passes <see cref="TimeProvider.System"/>.</param>
    /// <param name="inProcess">Serves template functions in process while the server runs; null: <c>--bootstrap</c> processes only.</param>
    /// <param name="defaultTemplate">The SAM template loaded when <c>--template</c> is not given; null: none.</param>
    public static Command Create(string description, TimeProvider realTime, Func<IInProcessFunctions>? inProcess = null, string? defaultTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(realTime);
        var scenario = new Option<string?>("--scenario") { Description = "Scenario name (shipped: demo) or YAML file path." };
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 4566 };
        var clock = new Option<string>("--clock") { Description = "virtual (advance from the console) or wall.", DefaultValueFactory = _ => "wall" };
        clock.AcceptOnlyFromAmong("virtual", "wall");
        var speed = new Option<double>("--speed") { Description = "Wall clock: virtual seconds per real second (time holds while a function runs).", DefaultValueFactory = _ => 1 };
        var region = new Option<string>("--region") { Description = "Emulated Region.", DefaultValueFactory = _ => "us-east-1" };
        var seed = new Option<int>("--seed") { Description = "Seed for ids, keys and faults.", DefaultValueFactory = _ => 1 };
        var strict = new Option<bool>("--strict-credentials") { Description = "Refuse access keys other than the test key (default: accept any key unverified)." };
        var template = new Option<string?>("--template")
        {
            Description = inProcess is null
                ? "SAM template to load (its functions run --bootstrap)."
                : "SAM template to load (its functions run the product's handlers in process).",
            DefaultValueFactory = _ => defaultTemplate,
        };
        var parameters = new Option<string[]>("--parameter") { Description = "Template parameter override Name=Value (repeatable; AWS::StackName too).", AllowMultipleArgumentsPerToken = false };
        var bootstrap = new Option<string?>("--bootstrap") { Description = "The bootstrap executable of the template's functions (make build-<Function> ARTIFACTS_DIR=...), started as Lambda starts a custom runtime." };
        var serve = new Command("serve", description) { scenario, port, clock, speed, region, seed, strict, template, parameters };
        if (inProcess is null) serve.Add(bootstrap);
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var virtualClock = parse.GetValue(clock) == "virtual";
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(parameters) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    Console.Error.WriteLine($"--parameter {pair}: expected Name=Value.");
                    return 2;
                }
                overrides[pair[..equals]] = pair[(equals + 1)..];
            }
            ScenarioDefinition? startFrom;
            try
            {
                startFrom = parse.GetValue(scenario) is { } name ? ScenarioFile.Load(name) : null;
            }
            catch (Exception e) when (e is ScenarioException or FileNotFoundException)
            {
                // A usage error like a bad --parameter: one line (file, line, problem), no stack trace.
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            await using var functions = inProcess?.Invoke();
            var options = new LocalAwsOptions
            {
                Port = parse.GetValue(port),
                Region = parse.GetValue(region)!,
                Seed = parse.GetValue(seed),
                ClockMode = virtualClock ? ClockMode.Virtual : ClockMode.Wall,
                Speed = parse.GetValue(speed),
                RealTime = realTime,
                StartTime = virtualClock ? new LocalAwsOptions().StartTime : realTime.GetUtcNow(),
                AcceptUnknownAccessKeys = !parse.GetValue(strict),
                Scenario = startFrom,
                Template = parse.GetValue(template),
                TemplateParameters = overrides,
                FunctionFactory = functions is null ? null : functions.Create,
                BootstrapPath = inProcess is null ? parse.GetValue(bootstrap) : null,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"serve: {e.Message}");
                return 2;
            }
            await using var aws = await LocalAws.StartAsync(options, cancellationToken).ConfigureAwait(false);
            Describe(aws, virtualClock);
            await StandaloneConsole.RunAsync(aws, virtualClock, cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return serve;
    }

    private static void Describe(LocalAws aws, bool virtualClock)
    {
        var options = aws.Options;
        // Responses are left out (they can be long); failures say why.
        aws.Delivered += result => Console.WriteLine(
            $"delivery: rule {result.Delivery.Rule.Name} -> {result.Delivery.Target.Arn}: {(result.Succeeded ? "ok" : "failed: " + result.Detail)}");
        Console.WriteLine($"Local AWS listening on {aws.Endpoint} (Region {options.Region}, {(virtualClock ? "virtual" : $"wall x{options.Speed}")} clock).");
        Console.WriteLine("Set in your shell:");
        foreach (var (key, value) in aws.EnvironmentVariables) Console.WriteLine($"  export {key}={value}");
        Console.WriteLine($"Try: aws --endpoint-url {aws.Endpoint.ToString().TrimEnd('/')} --region {options.Region} pcs list-clusters");
        foreach (var cluster in aws.State.Clusters.Values.Where(c => c.SlurmRestPort is not null).OrderBy(c => c.Sequence))
            Console.WriteLine($"slurmrestd of cluster {cluster.Name}: {aws.SlurmRest.Endpoint(cluster.Id)} (its GetCluster SLURMRESTD endpoint)");
        if (aws.Template is { } loaded)
        {
            Console.WriteLine($"Template {options.Template}: {loaded.Functions.Count} function(s), {loaded.StateMachineArns.Count} state machine(s), "
                + $"{loaded.Tables.Count} table(s), {loaded.TopicArns.Count} topic(s), {loaded.Rules.Count} rule(s).");
            foreach (var machine in loaded.StateMachineArns.Values) Console.WriteLine($"  state machine {machine}");
        }
        if (virtualClock) Console.WriteLine("Console: 'advance 10m', 'idle' (run until idle), 'now', 'quit'.");
    }
}
