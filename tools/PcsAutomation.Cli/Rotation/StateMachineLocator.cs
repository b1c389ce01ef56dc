using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Cli.Rotation;

/// <summary>
/// Finds the rotation state machine when no ARN is given. CloudFormation's DescribeStackResource speaks the query
/// protocol, which the product has no client for; it does not need one: template.yaml names the machine
/// <c>${AWS::StackName}-cluster-secret-rotation</c>, so ListStateMachines (awsJson, the product's transport) finds it
/// by name. Without a stack name, the one machine whose name has that suffix (or is the logical id, as the emulator
/// names machines) is taken; none or several is an error that says to pass the ARN.
/// </summary>
public sealed class StateMachineLocator(IAwsJsonInvoker stepFunctions)
{
    public const string LogicalId = "ClusterSecretRotationStateMachine";

    /// <summary>What template.yaml's <c>Name: !Sub ${AWS::StackName}-cluster-secret-rotation</c> appends to the stack name.</summary>
    public const string NameSuffix = "-cluster-secret-rotation";

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

    /// <summary>The name rule, pure.</summary>
    public static string Choose(IReadOnlyList<StateMachineListItem> machines, string? stackName)
    {
        ArgumentNullException.ThrowIfNull(machines);
        const string pass = "pass --state-machine-arn <arn> (the stack output ClusterSecretRotationStateMachineArn)";
        if (!string.IsNullOrWhiteSpace(stackName))
        {
            var expected = stackName.Trim() + NameSuffix;
            return machines.FirstOrDefault(m => m.Name == expected)?.StateMachineArn
                ?? throw new CliException($"No state machine '{expected}' (stack '{stackName.Trim()}'): check --stack-name and --region, or {pass}.");
        }

        var rotation = machines.Where(m => m.Name.EndsWith(NameSuffix, StringComparison.Ordinal) || m.Name == LogicalId).ToList();
        return rotation.Count switch
        {
            1 => rotation[0].StateMachineArn,
            0 => throw new CliException($"No rotation state machine found (none named <stack>{NameSuffix}): {pass}, or --stack-name <stack>."),
            _ => throw new CliException(
                $"{rotation.Count} rotation state machines ({string.Join(", ", rotation.Select(m => m.Name))}): pass --stack-name <stack> or --state-machine-arn <arn>."),
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
