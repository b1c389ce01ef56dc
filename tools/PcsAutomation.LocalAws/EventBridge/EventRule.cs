using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>A rule on an event bus: an event pattern or a schedule, and up to five targets.</summary>
public sealed record EventRule(
    string Name,
    string EventBusName,
    string Arn,
    EventPattern? Pattern,
    ScheduleExpression? Schedule,
    bool Enabled,
    string? Description,
    IReadOnlyList<RuleTarget> Targets);

/// <summary>Where a rule sends a matching event, and how the event is reshaped first.</summary>
/// <param name="Id">The target id, unique within the rule.</param>
/// <param name="Arn">A Lambda function or state machine ARN.</param>
/// <param name="Input">Constant JSON sent instead of the event.</param>
/// <param name="InputPath">A JSONPath (<c>$.detail</c>) selecting the part of the event to send.</param>
/// <param name="InputTransformer">Paths and a template that build the input.</param>
/// <param name="Handler">For targets loaded from template.yaml: the Lambda function's <c>Handler</c>.</param>
/// <param name="LogicalId">For targets loaded from template.yaml: the resource's logical id.</param>
public sealed record RuleTarget(
    string Id,
    string Arn,
    string? Input = null,
    string? InputPath = null,
    InputTransformer? InputTransformer = null,
    string? Handler = null,
    string? LogicalId = null)
{
    /// <summary>What kind of resource the ARN names.</summary>
    public TargetKind Kind => Arn.Split(':') switch
    {
        [_, _, "lambda", ..] => TargetKind.LambdaFunction,
        [_, _, "states", ..] => TargetKind.StateMachine,
        _ => TargetKind.Other,
    };
}

/// <summary>The kinds of targets the emulator delivers to.</summary>
public enum TargetKind
{
    Other,
    LambdaFunction,
    StateMachine,
}

/// <summary>EventBridge's input transformer: <c>InputPathsMap</c> names values; <c>InputTemplate</c> places them as <c>&lt;name&gt;</c>.</summary>
public sealed record InputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);

/// <summary>One event handed to one target: the host invokes the Lambda handler or starts the state machine with <see cref="Input"/>.</summary>
public sealed record EventDelivery(EventRule Rule, RuleTarget Target, JsonNode Event, JsonNode? Input);
