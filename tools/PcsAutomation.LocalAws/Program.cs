using System.CommandLine;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Testing;

// Standalone emulator: dotnet run --project tools/PcsAutomation.LocalAws -- serve --scenario demo --port 4566
var scenario = new Option<string?>("--scenario") { Description = "Scenario name (shipped: demo) or YAML file path." };
var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 4566 };
var clock = new Option<string>("--clock") { Description = "virtual (advance from the console) or wall.", DefaultValueFactory = _ => "wall" };
clock.AcceptOnlyFromAmong("virtual", "wall");
var speed = new Option<double>("--speed") { Description = "Wall clock: virtual seconds per real second.", DefaultValueFactory = _ => 1 };
var region = new Option<string>("--region") { Description = "Emulated Region.", DefaultValueFactory = _ => "us-east-1" };
var seed = new Option<int>("--seed") { Description = "Seed for ids, keys and faults.", DefaultValueFactory = _ => 1 };
var strict = new Option<bool>("--strict-credentials") { Description = "Refuse access keys other than the test key (default: accept any key unverified)." };
var template = new Option<string?>("--template") { Description = "SAM template to load (functions run the product's handlers in process)." };
var parameters = new Option<string[]>("--parameter") { Description = "Template parameter override Name=Value (repeatable; AWS::StackName too).", AllowMultipleArgumentsPerToken = false };

var serve = new Command("serve", "Serve the local AWS emulator until Ctrl+C.") { scenario, port, clock, speed, region, seed, strict, template, parameters };
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
    // The product's handlers run in this process (ProductFunctions, the same FunctionHost as the AOT bootstrap).
    await using var functions = new ProductFunctions();
    var options = new LocalAwsOptions
    {
        Port = parse.GetValue(port),
        Region = parse.GetValue(region)!,
        Seed = parse.GetValue(seed),
        ClockMode = virtualClock ? ClockMode.Virtual : ClockMode.Wall,
        Speed = parse.GetValue(speed),
        RealTime = TimeProvider.System,
        StartTime = virtualClock ? new LocalAwsOptions().StartTime : TimeProvider.System.GetUtcNow(),
        AcceptUnknownAccessKeys = !parse.GetValue(strict),
        Scenario = startFrom,
        Template = parse.GetValue(template),
        TemplateParameters = overrides,
        FunctionFactory = functions.Create,
    };
    await using var aws = await LocalAws.StartAsync(options, cancellationToken);
    // Responses are left out (they can be long); failures say why.
    aws.Delivered += result => Console.WriteLine(
        $"delivery: rule {result.Delivery.Rule.Name} -> {result.Delivery.Target.Arn}: {(result.Succeeded ? "ok" : "failed: " + result.Detail)}");
    Console.WriteLine($"Local AWS listening on {aws.Endpoint} (Region {options.Region}, {(virtualClock ? "virtual" : $"wall x{options.Speed}")} clock).");
    Console.WriteLine("Set in your shell:");
    foreach (var (key, value) in aws.EnvironmentVariables) Console.WriteLine($"  export {key}={value}");
    Console.WriteLine($"Try: aws --endpoint-url {aws.Endpoint.ToString().TrimEnd('/')} --region {options.Region} pcs list-clusters");
    if (aws.Template is { } loaded)
    {
        Console.WriteLine($"Template {options.Template}: {loaded.Functions.Count} function(s), {loaded.StateMachineArns.Count} state machine(s), "
            + $"{loaded.Tables.Count} table(s), {loaded.TopicArns.Count} topic(s), {loaded.Rules.Count} rule(s).");
        foreach (var machine in loaded.StateMachineArns.Values) Console.WriteLine($"  state machine {machine}");
    }
    if (virtualClock) Console.WriteLine("Console: 'advance 10m', 'idle' (run until idle), 'now', 'quit'.");
    await StandaloneConsole.RunAsync(aws, virtualClock, cancellationToken);
    return 0;
});

var root = new RootCommand("Local AWS emulator for PcsAutomation (PCS, Secrets Manager, ...).") { serve };
return await root.Parse(args).InvokeAsync();
