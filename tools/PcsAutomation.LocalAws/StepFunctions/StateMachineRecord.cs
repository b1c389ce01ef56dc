using PcsAutomation.States.Definition;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>A created state machine: what DescribeStateMachine answers, plus the parsed definition the engine runs.</summary>
public sealed record StateMachineRecord(
    string Arn,
    string Name,
    string DefinitionJson,
    StateMachineDefinition Definition,
    string RoleArn,
    string Type,
    DateTimeOffset CreationDate);

/// <summary>
/// One execution's figures (<see cref="StepFunctionsService.Accounting"/>): <paramref name="StateTransitions"/> is what
/// Step Functions bills for standard workflows; <paramref name="TaskInvocations"/> counts every Task call (each retry
/// attempt), of which <paramref name="LambdaInvocations"/> invoked Lambda and <paramref name="ServiceIntegrationCalls"/>
/// called another service.
/// </summary>
public sealed record ExecutionAccounting(
    string ExecutionArn,
    string Status,
    int StateTransitions,
    int TaskInvocations,
    int LambdaInvocations,
    int ServiceIntegrationCalls,
    IReadOnlyList<string> ChildExecutionArns);
