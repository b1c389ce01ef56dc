using System.CommandLine;
using PcsAutomation.Cli.Aws;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// <c>pcs-automation invoke &lt;LogicalId or handler&gt; --event &lt;file | -&gt; [--emulator &lt;scenario&gt;]</c>: one handler in
/// process, like <c>sam local invoke</c>; prints its logs, its AWS calls and its response. Exit 0 on success, 1 on a
/// function error, 2 on bad usage (a bad event file included: nothing is invoked then).
/// </summary>
public static class InvokeCommand
{
    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guard)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(guard);
        var function = new Argument<string>("function") { Description = "The function: its template logical id (RotationEventRouterFunction) or handler (RotationEventRouter)." };
        var eventPath = new Option<string>("--event", "-e") { Description = "The event: a JSON file, or - for standard input (`events generate` writes them).", Required = true };
        var emulator = new Option<string?>("--emulator") { Description = "Run on the in-process emulator with this scenario (demo, capacity, or a YAML file) instead of AWS." };
        var template = new Option<string>("--template") { Description = "The SAM template.", DefaultValueFactory = _ => "template.yaml" };
        var stackName = new Option<string?>("--stack-name") { Description = "Against AWS: the deployed stack." };
        var envVars = new Option<string?>("--env-vars") { Description = "Against AWS: the deployed values of the variables naming the stack's resources (sam local invoke's format)." };
        var functionArn = new Option<string?>("--function-arn") { Description = "Against AWS: the deployed function's ARN (the handlers read the account from it)." };
        var command = new Command("invoke", "Run one function's handler in process with an event, on the emulator or against AWS (like sam local invoke).")
        {
            function, eventPath, emulator, template, stackName, envVars, functionArn,
        };
        command.SetAction((parse, cancellationToken) => guard(async () =>
        {
            var request = new InvokeRequest(parse.GetValue(function)!, parse.GetValue(eventPath)!, parse.GetValue(emulator), parse.GetValue(template)!,
                parse.GetValue(stackName), parse.GetValue(envVars), parse.GetValue(functionArn));
            // The event first: a missing or malformed file is refused before anything starts.
            var evt = await InvokeEvent.ReadAsync(request.EventPath, host.Input, cancellationToken).ConfigureAwait(false);
            var (header, outcome) = request.Scenario is not null
                ? await EmulatorInvocation.RunAsync(request, evt, cancellationToken).ConfigureAwait(false)
                : await AwsInvocation.RunAsync(request, evt, settings(parse), host, cancellationToken).ConfigureAwait(false);
            InvocationText.Write(host.Output, header, outcome);
            return outcome.Error is null ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
