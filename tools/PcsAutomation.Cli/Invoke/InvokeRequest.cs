namespace PcsAutomation.Cli.Invoke;

/// <summary><c>invoke</c>'s command line: the function, the event, and where it runs (an emulator scenario, or AWS with the stack's values).</summary>
/// <param name="Function">A template logical id or a handler name.</param>
/// <param name="EventPath">The event file, or <c>-</c> for standard input.</param>
/// <param name="Scenario">The emulator scenario; null: against AWS.</param>
/// <param name="TemplatePath">template.yaml (found in a parent directory when relative).</param>
/// <param name="StackName">Against AWS: the deployed stack's name (<c>PCS_AUTOMATION_STACK_NAME</c>).</param>
/// <param name="EnvVarsPath">Against AWS: <c>sam local invoke</c>'s <c>--env-vars</c> file with the deployed values.</param>
/// <param name="FunctionArn">Against AWS: the deployed function's ARN (handlers read the account from it).</param>
public sealed record InvokeRequest(
    string Function,
    string EventPath,
    string? Scenario,
    string TemplatePath,
    string? StackName = null,
    string? EnvVarsPath = null,
    string? FunctionArn = null);
