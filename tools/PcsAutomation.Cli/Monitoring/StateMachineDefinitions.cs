using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The definition an execution runs, for the grouped live view: DescribeExecution gives its state machine,
/// DescribeStateMachine its <c>definition</c> (../shared/reference/botocore/stepfunctions.service-2.json,
/// DescribeStateMachineInput/Output; the product's client does not model it, the CLI calls it over the same transport).
/// A refusal (an operator allowed to read executions but not definitions) is not fatal: the view then shows each state
/// of a wait loop as its own step, and says why.
/// </summary>
public sealed class StateMachineDefinitions(IAmazonStepFunctions stepFunctions, IAwsJsonInvoker invoker)
{
    /// <summary>The execution's shape, and null, or <see cref="StateMachineShape.Unknown"/> and the reason the definition could not be read.</summary>
    public async Task<(StateMachineShape Shape, string? Problem)> ShapeOfAsync(string executionArn, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);
            var machine = await invoker.InvokeAsync(
                "DescribeStateMachine",
                new DescribeStateMachineRequest(execution.StateMachineArn),
                DefinitionJsonContext.Default.DescribeStateMachineRequest,
                DefinitionJsonContext.Default.DescribeStateMachineResponse,
                cancellationToken).ConfigureAwait(false);
            var shape = StateMachineShape.Parse(machine.Definition);
            return ReferenceEquals(shape, StateMachineShape.Unknown) ? (shape, "its definition is not a States Language document") : (shape, null);
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            return (StateMachineShape.Unknown, $"DescribeStateMachine: {e.ErrorCode ?? e.Message}");
        }
    }
}

public sealed record DescribeStateMachineRequest([property: JsonPropertyName("stateMachineArn")] string StateMachineArn);

public sealed record DescribeStateMachineResponse([property: JsonPropertyName("definition")] string? Definition);

[JsonSerializable(typeof(DescribeStateMachineRequest))]
[JsonSerializable(typeof(DescribeStateMachineResponse))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
