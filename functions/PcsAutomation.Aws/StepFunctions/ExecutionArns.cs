namespace PcsAutomation.Aws.StepFunctions;

/// <summary>
/// The ARN of a Standard execution from its state machine's ARN and its name: <c>arn:&lt;partition&gt;:states:&lt;region&gt;:&lt;account&gt;:stateMachine:&lt;machine&gt;</c>
/// → <c>arn:&lt;partition&gt;:states:&lt;region&gt;:&lt;account&gt;:execution:&lt;machine&gt;:&lt;name&gt;</c> (the execution resource of
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html). A name is unique per
/// state machine, so the ARN finds the execution a deterministic name started, with DescribeExecution.
/// </summary>
public static class ExecutionArns
{
    private const string Marker = ":stateMachine:";

    public static string For(string stateMachineArn, string executionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionName);
        var at = stateMachineArn?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
            throw new ArgumentException($"'{stateMachineArn}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).", nameof(stateMachineArn));
        return $"{stateMachineArn![..at]}:execution:{stateMachineArn[(at + Marker.Length)..]}:{executionName}";
    }
}
