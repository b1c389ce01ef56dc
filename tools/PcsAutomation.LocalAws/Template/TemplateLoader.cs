using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.DynamoDb;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.LocalAws.Template;

/// <summary>What a template put into the emulator.</summary>
/// <param name="Functions">Every <c>AWS::Serverless::Function</c>, registered in <see cref="LocalAws.Lambda"/>.</param>
/// <param name="StateMachineArns">Every <c>AWS::Serverless::StateMachine</c>, created in <see cref="LocalAws.StepFunctions"/>, by logical id.</param>
/// <param name="Tables">Every DynamoDB table.</param>
/// <param name="TopicArns">Every <c>AWS::SNS::Topic</c>, by logical id.</param>
/// <param name="Rules">Every EventBridge rule and schedule (function and state machine events, <c>AWS::Events::Rule</c>).</param>
public sealed record LoadedTemplate(
    IReadOnlyList<TemplateFunction> Functions,
    IReadOnlyDictionary<string, string> StateMachineArns,
    IReadOnlyList<DynamoTable> Tables,
    IReadOnlyDictionary<string, string> TopicArns,
    IReadOnlyList<EventRule> Rules);

/// <summary>
/// Loads a SAM template into the emulator the way <c>sam deploy</c> would create its resources, without CloudFormation:
/// tables, topics, functions, state machines, then the EventBridge rules that target them. Resources are created through
/// the services directly (no CloudTrail record: the stack, not the application, made them).
/// What SAM does and the emulator copies (SAM specification, "Globals section of the AWS SAM template" and
/// "AWS::Serverless::Function" / "AWS::Serverless::StateMachine"):
/// Globals.Function properties apply to every function unless it sets its own, and <c>Environment.Variables</c> maps are
/// merged (the function's own entries win); a state machine's <c>DefinitionUri</c> is a path relative to the template and
/// <c>DefinitionSubstitutions</c> replaces each <c>${name}</c> in the definition with the resolved value.
/// </summary>
public static class TemplateLoader
{
    // SAM's defaults when neither the function nor Globals set them.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);
    private const int DefaultMemoryMb = 128;

    /// <summary>Loads the template at <paramref name="path"/> into <paramref name="aws"/>.</summary>
    /// <param name="aws">The emulator; its options give the parameter overrides, the function factory and the bootstrap path.</param>
    /// <param name="path">The template file (YAML or JSON).</param>
    public static LoadedTemplate Load(LocalAws aws, string path)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = File.ReadAllText(path);
        var template = YamlJson.Parse(text) as JsonObject ?? throw new FormatException($"Template {path} is not a mapping.");
        var resources = template["Resources"] as JsonObject ?? [];
        var overrides = aws.Options.TemplateParameters;
        var intrinsics = new TemplateIntrinsics(resources, Parameters(template, overrides), aws.Options.Region, aws.Options.AccountId);

        var tables = DynamoDbTemplateLoader.Load(text, aws.DynamoDb, overrides, aws.Options.Region, aws.Options.AccountId);
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        var functions = new List<TemplateFunction>();
        var machines = new Dictionary<string, string>(StringComparer.Ordinal);
        var globals = template["Globals"]?["Function"] as JsonObject ?? [];
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var (logicalId, resource) in resources)
        {
            var properties = resource?["Properties"] as JsonObject ?? [];
            switch (intrinsics.TypeOf(logicalId))
            {
                case "AWS::SNS::Topic":
                    topics[logicalId] = aws.Sns.CreateTopic(intrinsics.TopicName(logicalId));
                    break;
                case "AWS::Serverless::Function":
                    functions.Add(RegisterFunction(aws, logicalId, properties, globals, intrinsics));
                    break;
                case "AWS::Serverless::StateMachine":
                    machines[logicalId] = CreateStateMachine(aws, logicalId, properties, intrinsics, directory);
                    break;
            }
        }
        var rules = SamRuleLoader.Load(text, aws.Events, overrides);
        return new LoadedTemplate(functions, machines, tables, topics, rules);
    }

    private static Dictionary<string, string> Parameters(JsonObject template, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in template["Parameters"] as JsonObject ?? [])
        {
            if (TemplateIntrinsics.Scalar(definition?["Default"]) is { } value)
                values[name] = value;
        }
        foreach (var (name, value) in overrides)
            values[name] = value;
        return values;
    }

    private static TemplateFunction RegisterFunction(LocalAws aws, string logicalId, JsonObject properties, JsonObject globals, TemplateIntrinsics intrinsics)
    {
        JsonNode? Setting(string name) => properties[name] ?? globals[name];
        var arn = intrinsics.ArnOf(logicalId)!;
        var name = arn[(arn.LastIndexOf(':') + 1)..];
        var handler = intrinsics.ResolveString(Setting("Handler")) ?? "";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { globals, properties })
        {
            foreach (var (key, value) in source["Environment"]?["Variables"] as JsonObject ?? [])
            {
                environment[key] = intrinsics.ResolveString(value)
                    ?? throw new FormatException($"Function {logicalId}: environment variable {key} is {value?.ToJsonString()}, which the emulator cannot resolve to a string.");
            }
        }
        var function = new LambdaFunction(name)
        {
            Handler = handler,
            Timeout = intrinsics.ResolveString(Setting("Timeout")) is { } t ? TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture)) : DefaultTimeout,
            MemoryMb = intrinsics.ResolveString(Setting("MemorySize")) is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : DefaultMemoryMb,
            LogLevel = intrinsics.ResolveString(properties["LoggingConfig"]?["ApplicationLogLevel"] ?? globals["LoggingConfig"]?["ApplicationLogLevel"]) ?? "INFO",
            Environment = environment,
        };
        var described = new TemplateFunction(name, logicalId, arn, handler)
        {
            Timeout = function.Timeout,
            MemoryMb = function.MemoryMb,
            LogLevel = function.LogLevel,
            Environment = environment,
            Variables = FunctionProcess.Variables(function, aws.EnvironmentVariables, "in-process", Environment.CurrentDirectory),
            Clock = aws.Clock.Functions,
        };
        var inProcess = aws.Options.FunctionFactory?.Invoke(described);
        aws.Lambda.Register(inProcess is not null ? function with { InProcess = inProcess }
            : aws.Options.BootstrapPath is { } bootstrap ? function with { BootstrapPath = bootstrap }
            : function with { InProcess = (_, _) => throw NoHandler(name) });
        return described;
    }

    private static LambdaFunctionErrorException NoHandler(string name) => new("Runtime.InvalidEntrypoint",
        $"Function {name} has no code in the emulator: set LocalAwsOptions.FunctionFactory (a host of in-process handlers, such as the product's) or LocalAwsOptions.BootstrapPath (serve --bootstrap).");

    private static string CreateStateMachine(LocalAws aws, string logicalId, JsonObject properties, TemplateIntrinsics intrinsics, string directory)
    {
        var definition = properties["DefinitionUri"] switch
        {
            JsonValue uri when TemplateIntrinsics.AsString(uri) is { } relative => File.ReadAllText(Path.Combine(directory, relative)),
            JsonObject s3 => throw new FormatException($"State machine {logicalId}: DefinitionUri {s3.ToJsonString()} is an S3 location; the emulator reads local files only."),
            _ => properties["Definition"] is JsonObject inline ? intrinsics.Resolve(inline)!.ToJsonString()
                : throw new FormatException($"State machine {logicalId} has neither DefinitionUri nor Definition."),
        };
        foreach (var (key, value) in properties["DefinitionSubstitutions"] as JsonObject ?? [])
        {
            var resolved = intrinsics.ResolveString(value)
                ?? throw new FormatException($"State machine {logicalId}: DefinitionSubstitutions.{key} is {value?.ToJsonString()}, which the emulator cannot resolve to a string.");
            definition = definition.Replace("${" + key + "}", resolved, StringComparison.Ordinal);
        }
        var arn = intrinsics.ArnOf(logicalId)!;
        var role = intrinsics.ResolveString(properties["Role"]) ?? $"arn:aws:iam::{aws.Options.AccountId}:role/{logicalId}Role";
        aws.StepFunctions.Invoke("CreateStateMachine", new JsonObject
        {
            ["name"] = arn[(arn.LastIndexOf(':') + 1)..],
            ["definition"] = definition,
            ["roleArn"] = role,
            ["type"] = intrinsics.ResolveString(properties["Type"]) ?? "STANDARD",
        });
        return arn;
    }
}
