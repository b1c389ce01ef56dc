using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Cli.Rotation;

/// <summary>
/// Finds the rotation state machine when no ARN is given. CloudFormation's DescribeStackResource speaks the query
/// protocol, which the product has no client for; the state machine's own service does: ListStateMachines (awsJson,
/// through the product's transport) and a name rule. The template's logical id is <see cref="LogicalId"/>; CloudFormation
/// names the machine "&lt;LogicalId&gt;-&lt;random&gt;" (or the template's Name, which should contain the stack name),
/// and the emulator names it after the logical id. With <c>--stack-name</c>, machines whose name contains the stack
/// name are preferred; the result must be exactly one machine, else the error lists them and says to pass the ARN.
/// </summary>
public sealed class StateMachineLocator(IAwsJsonInvoker stepFunctions)
{
    public const string LogicalId = "ClusterSecretRotationStateMachine";

    public async Task<string> FindAsync(string? stackName, CancellationToken cancellationToken)
    {
        var all = new List<StateMachineListItem>();
        string? token = null;
        do
        {
            var page = await stepFunctions.InvokeAsync(
                "ListStateMachines",
                new ListStateMachinesRequest(100, token),
                StateMachineJsonContext.Default.ListStateMachinesRequest,
                StateMachineJsonContext.Default.ListStateMachinesResponse,
                cancellationToken).ConfigureAwait(false);
            all.AddRange(page.StateMachines);
            token = page.NextToken;
        }
        while (token is not null);
        return Choose(all, stackName);
    }

    /// <summary>The name rule, pure: rotation machines, then those naming the stack, then exactly one.</summary>
    public static string Choose(IReadOnlyList<StateMachineListItem> machines, string? stackName)
    {
        ArgumentNullException.ThrowIfNull(machines);
        var rotation = machines.Where(m => m.Name.Contains("ClusterSecretRotation", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.IsNullOrWhiteSpace(stackName))
        {
            var ofStack = rotation.Where(m => m.Name.Contains(stackName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofStack.Count > 0) rotation = ofStack;
        }

        return rotation.Count switch
        {
            1 => rotation[0].StateMachineArn,
            0 => throw new CliException(
                $"No rotation state machine found{(stackName is null ? "" : $" for stack '{stackName}'")} (no state machine named like {LogicalId}); " +
                "pass --state-machine-arn <arn> (the stack output, or `aws stepfunctions list-state-machines`)."),
            _ => throw new CliException(
                $"{rotation.Count} rotation state machines ({string.Join(", ", rotation.Select(m => m.Name))}); pass --state-machine-arn <arn>" +
                (stackName is null ? " or --stack-name <name>." : ".")),
        };
    }
}

public sealed record ListStateMachinesRequest(
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextToken);

public sealed record StateMachineListItem(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name);

public sealed record ListStateMachinesResponse(
    [property: JsonPropertyName("stateMachines")] IReadOnlyList<StateMachineListItem> StateMachines,
    [property: JsonPropertyName("nextToken")] string? NextToken);

[JsonSerializable(typeof(ListStateMachinesRequest))]
[JsonSerializable(typeof(ListStateMachinesResponse))]
internal sealed partial class StateMachineJsonContext : JsonSerializerContext;
