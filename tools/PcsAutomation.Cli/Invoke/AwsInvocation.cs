using System.Text.Json.Nodes;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.ProductHost;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// <c>invoke</c> without <c>--emulator</c>: the handler in process, like <c>sam local invoke</c>, its AWS clients on the
/// CLI's profile, Region and credentials, against the deployed stack's resources. The environment is the template's
/// (Globals and the function's own, parameters at their defaults, <c>AWS::StackName</c> from <c>--stack-name</c>, resolved
/// by the emulator's template loader without starting anything); the variables that name the stack's resources
/// (<see cref="ResourceVariables"/>) come from <c>--env-vars</c>: CloudFormation generated them and the CLI has no
/// CloudFormation or Lambda client to read them.
/// </summary>
public static class AwsInvocation
{
    // What the emulator's loader puts in a function's environment for itself: replaced by the CLI's own settings.
    private static readonly string[] EmulatorVariables = ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_DEFAULT_REGION"];

    /// <summary>The account of a function ARN when neither <c>--function-arn</c> nor an ARN in the environment gives one (the reference samples' account).</summary>
    private const string PlaceholderAccount = "123456789012";

    public static async Task<(string Header, InvocationOutcome Outcome)> RunAsync(
        InvokeRequest request, JsonNode evt, AwsSettings settings, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(host);
        var stack = request.StackName ?? throw new CliException("Against AWS, give --stack-name <the deployed stack> (or --emulator <scenario> to run on the emulator).");
        var templatePath = TemplateEmulator.FindTemplate(request.TemplatePath);
        using var recorder = new AwsCallRecorder(new SocketsHttpHandler());
        var options = settings.ClientOptions(host.Environment, host.Time) with { HttpMessageHandler = recorder };
        string region;
        using (var probe = AwsClientFactory.Create(options)) region = probe.Region;

        await using var template = LocalAwsHost.CreateInProcess(new LocalAwsOptions
        {
            Template = templatePath,
            Region = region,
            TemplateParameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS::StackName"] = stack },
        });
        var declared = FunctionTarget.Find(template.Template!.Functions, request.Function, templatePath);
        if (EventShapeCheck.Problem(declared, template.Template.Rules, evt) is { } problem)
            throw new CliException($"{InvokeEvent.Label(request.EventPath)}: {problem}; nothing invoked.");

        var given = request.EnvVarsPath is { } path
            ? EnvVarsFile.For(await ReadAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), declared.LogicalId)
            : new Dictionary<string, string>();
        var missing = ResourceVariables.Of(await File.ReadAllTextAsync(templatePath, cancellationToken).ConfigureAwait(false), declared.LogicalId)
            .Where(name => !given.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new CliException(
                $"Against AWS, {declared.LogicalId} needs the deployed values of {string.Join(", ", missing)} (they name the stack's resources): give them in --env-vars " +
                $"<file> ({{\"{declared.LogicalId}\": {{\"NAME\": \"value\"}}}}, as sam local invoke takes it), e.g. from `aws lambda get-function-configuration " +
                "--function-name <the deployed function> --query Environment.Variables`.");

        var variables = declared.Variables.Where(v => !EmulatorVariables.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var (name, value) in given) variables[name] = value;
        variables["AWS_REGION"] = region;
        variables["AWS_DEFAULT_REGION"] = region;
        var arn = request.FunctionArn ?? $"arn:aws:lambda:{region}:{AccountOf(given.Values) ?? PlaceholderAccount}:function:{stack}-{declared.LogicalId}";
        var function = declared with { Variables = variables, Arn = arn, Clock = host.Time };

        var functions = new ProductFunctions { ConfigureAwsClients = (_, _) => options };
        await using var owned = functions;
        var handler = functions.Create(function)!;
        LambdaInvocationResult result;
        try
        {
            result = new LambdaInvocationResult(await handler(evt.ToJsonString(), cancellationToken).WaitAsync(function.Timeout, host.Time, cancellationToken).ConfigureAwait(false), null);
        }
        catch (TimeoutException)
        {
            result = new LambdaInvocationResult(null, new LambdaFunctionError("Sandbox.Timedout", $"Task timed out after {function.Timeout.TotalSeconds:0.00} seconds"));
        }
        catch (LambdaFunctionErrorException e)
        {
            result = new LambdaInvocationResult(null, new LambdaFunctionError(e.ErrorType, e.Message));
        }
        var header = $"Invoked {function.Handler} ({function.LogicalId}) with {InvokeEvent.Label(request.EventPath)} in process against AWS " +
                     $"({region}, stack {stack}, function ARN {arn}).";
        return (header, InvocationOutcome.From(result, functions.LogsOf(function.Name), AwsCallLines.From(recorder.Attempts)));
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : throw new CliException($"No --env-vars file '{path}'.");

    // arn:aws:states:<region>:<account>:stateMachine:... in the values given: the deployed stack's account.
    private static string? AccountOf(IEnumerable<string> values) =>
        values.Select(v => v.Split(':')).FirstOrDefault(p => p.Length > 5 && p[0] == "arn" && p[4].Length == 12 && p[4].All(char.IsAsciiDigit))?[4];
}
