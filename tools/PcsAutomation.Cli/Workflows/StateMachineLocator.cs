using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.StepFunctions;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// Finds a workflow's state machine when no ARN is given. CloudFormation's DescribeStackResource speaks the query
/// protocol, which the product has no client for; it does not need one: template.yaml names each machine
/// <c>${NamePrefix}&lt;suffix&gt;</c> (<see cref="WorkflowMachine.NameSuffix"/>; NamePrefix is a stack parameter, default
/// <c>pcs-automation</c>), so ListStateMachines (awsJson, the product's transport) finds it by name. Without a prefix,
/// the one machine whose name has that suffix (or is the logical id, as the emulator names machines) is taken; none or
/// several is an error that says to pass the ARN.
/// </summary>
public sealed class StateMachineLocator(IAwsJsonInvoker stepFunctions)
{
    public async Task<string> FindAsync(WorkflowMachine machine, string? namePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machine);
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
        return Choose(all, machine, namePrefix);
    }

    /// <summary>The name rule, pure.</summary>
    public static string Choose(IReadOnlyList<StateMachineListItem> machines, WorkflowMachine machine, string? namePrefix)
    {
        ArgumentNullException.ThrowIfNull(machines);
        ArgumentNullException.ThrowIfNull(machine);
        var pass = $"pass --state-machine-arn <arn> (the stack output {machine.ArnOutput})";
        if (!string.IsNullOrWhiteSpace(namePrefix))
        {
            var expected = namePrefix.Trim() + machine.NameSuffix;
            return machines.FirstOrDefault(m => m.Name == expected)?.StateMachineArn
                ?? throw new CliException($"No state machine '{expected}' (name prefix '{namePrefix.Trim()}'): check --name-prefix (the stack's NamePrefix parameter) and --region, or {pass}.");
        }

        var found = machines.Where(m => m.Name.EndsWith(machine.NameSuffix, StringComparison.Ordinal) || m.Name == machine.LogicalId).ToList();
        return found.Count switch
        {
            1 => found[0].StateMachineArn,
            0 => throw new CliException($"No {machine.Noun} state machine found (none named <prefix>{machine.NameSuffix}): {pass}, or --name-prefix <the stack's NamePrefix>."),
            _ => throw new CliException(
                $"{found.Count} {machine.Noun} state machines ({string.Join(", ", found.Select(m => m.Name))}): pass --name-prefix <the stack's NamePrefix> or --state-machine-arn <arn>."),
        };
    }

    /// <summary>arn:aws:states:r:a:stateMachine:M → arn:aws:states:r:a:execution:M:name (the documented execution ARN, <see cref="ExecutionArns"/>).</summary>
    public static string ExecutionArn(string machineArn, string name)
    {
        ArgumentNullException.ThrowIfNull(machineArn);
        try
        {
            return ExecutionArns.For(machineArn, name);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
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
