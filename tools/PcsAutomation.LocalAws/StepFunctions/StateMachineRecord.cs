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
