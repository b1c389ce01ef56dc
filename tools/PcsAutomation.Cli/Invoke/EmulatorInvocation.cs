using System.Text.Json.Nodes;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.ProductHost;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// <c>invoke --emulator</c>: the scenario's account with template.yaml deployed in the in-process emulator (the function's
/// environment resolved by its template loader: table, topic and state machine names), then one invocation of the function
/// through the emulator's Lambda, as a Task state or a rule would invoke it, on the virtual clock. Its AWS clients run over
/// an <see cref="AwsCallRecorder"/>, so the calls printed are this function's, not those of workflows it starts.
/// </summary>
public static class EmulatorInvocation
{
    /// <summary>Virtual time allowed beyond the function's timeout before the invocation counts as timed out.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task<(string Header, InvocationOutcome Outcome)> RunAsync(InvokeRequest request, JsonNode evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(evt);
        var template = TemplateEmulator.FindTemplate(request.TemplatePath);
        var scenario = ScenarioAccount.Load(request.Scenario!);
        using var recorder = new AwsCallRecorder(new SocketsHttpHandler());
        string? recorded = null;
        var functions = new ProductFunctions
        {
            ConfigureAwsClients = (function, options) => function.LogicalId == Volatile.Read(ref recorded) ? options with { HttpMessageHandler = recorder } : options,
        };
        await using var owned = functions;
        await using var aws = await LocalAwsHost.StartAsync(
            new LocalAwsOptions { Scenario = scenario, Template = template, FunctionFactory = functions.Create }, cancellationToken).ConfigureAwait(false);

        var target = FunctionTarget.Find(aws.Template!.Functions, request.Function, template);
        if (EventShapeCheck.Problem(target, aws.Template.Rules, evt) is { } problem)
            throw new CliException($"{InvokeEvent.Label(request.EventPath)}: {problem}; nothing invoked.");
        Volatile.Write(ref recorded, target.LogicalId);

        await using var responseUrl = ResponseUrlStandIn.Start();
        var payload = responseUrl.Redirect(evt) ?? evt;
        var before = functions.LogsOf(target.Name).Count;
        var invocation = aws.Lambda.InvokeAsync(target.Name, payload.ToJsonString(), cancellationToken);
        await aws.RunUntilAsync(() => invocation.IsCompleted, target.Timeout + Grace).ConfigureAwait(false);
        var result = invocation.IsCompleted
            ? await invocation.ConfigureAwait(false)
            : new LambdaInvocationResult(null, new LambdaFunctionError("Sandbox.Timedout", $"Task timed out after {target.Timeout.TotalSeconds:0.00} seconds"));
        var header = $"Invoked {target.Handler} ({target.LogicalId}) with {InvokeEvent.Label(request.EventPath)} on the emulator " +
                     $"(scenario {request.Scenario}, virtual clock at {TimelineFormat.Timestamp(aws.Clock.GetUtcNow())}).";
        var outcome = InvocationOutcome.From(result, [.. functions.LogsOf(target.Name).Skip(before)], AwsCallLines.From(recorder.Attempts), responseUrl.Received);
        return (header, outcome);
    }
}
