using System.Text.Json.Nodes;
using PcsAutomation.States.Intrinsics;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

/// <summary>
/// One state of a definition. Fields that a type does not allow are rejected when the definition loads, so the
/// interpreter reads only what the state's <see cref="Type"/> permits.
/// </summary>
public sealed record State(string Name, StateType Type)
{
    public string? Next { get; init; }

    public bool End { get; init; }

    public NullablePath InputPath { get; init; } = NullablePath.Root;

    public NullablePath OutputPath { get; init; } = NullablePath.Root;

    public NullablePath ResultPath { get; init; } = NullablePath.Root;

    internal PayloadTemplate? Parameters { get; init; }

    internal PayloadTemplate? ResultSelector { get; init; }

    /// <summary>Pass: the fixed result.</summary>
    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    // Task
    public string? Resource { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }

    // Choice
    public IReadOnlyList<ChoiceRule> Choices { get; init; } = [];

    public string? Default { get; init; }

    // Wait
    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    // Fail
    public string? Error { get; init; }

    public JsonPath? ErrorPath { get; init; }

    public string? Cause { get; init; }

    public JsonPath? CausePath { get; init; }

    // Parallel
    public IReadOnlyList<StateMachineDefinition> Branches { get; init; } = [];

    // Map
    public StateMachineDefinition? ItemProcessor { get; init; }

    public JsonPath? ItemsPath { get; init; }

    internal PayloadTemplate? ItemSelector { get; init; }

    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    /// <summary>Map: true when any ToleratedFailure* field is set (failures are then counted, not propagated).</summary>
    public bool ToleratesFailures =>
        ToleratedFailureCount is not null || ToleratedFailureCountPath is not null
        || ToleratedFailurePercentage is not null || ToleratedFailurePercentagePath is not null;

    /// <summary>Succeed, Fail, and states with <c>End: true</c> end their (sub)machine.</summary>
    public bool IsTerminal => End || Type is StateType.Succeed or StateType.Fail;
}
