using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

internal sealed partial class DefinitionParser
{
    private static readonly string[] Common = ["Type", "Comment", "InputPath", "OutputPath", "QueryLanguage"];
    private static readonly string[] Flow = ["Next", "End"];
    private static readonly string[] Results = ["Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"];

    private static readonly Dictionary<StateType, string[]> AllowedFields = new()
    {
        [StateType.Pass] = [.. Common, .. Flow, "Parameters", "Result", "ResultPath"],
        [StateType.Task] = [.. Common, .. Flow, .. Results, "Resource", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"],
        [StateType.Choice] = [.. Common, "Choices", "Default"],
        [StateType.Wait] = [.. Common, .. Flow, "Seconds", "Timestamp", "SecondsPath", "TimestampPath"],
        [StateType.Succeed] = [.. Common],
        [StateType.Fail] = ["Type", "Comment", "Error", "ErrorPath", "Cause", "CausePath", "QueryLanguage"],
        [StateType.Parallel] = [.. Common, .. Flow, .. Results, "Branches"],
        [StateType.Map] = [.. Common, .. Flow, .. Results, "Iterator", "ItemProcessor", "ItemsPath", "ItemSelector",
            "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label"],
    };

    private State? ParseState(string name, JsonNode? node, string location)
    {
        if (node is not JsonObject obj)
        {
            Problem(location, "(state)", "must be a JSON object");
            return null;
        }

        var typeName = RequiredString(obj, location, "Type");
        if (typeName is null)
            return null;
        if (!Enum.TryParse<StateType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type) || typeName != type.ToString())
        {
            Problem(location, "Type", $"unknown state type '{typeName}'");
            return null;
        }

        if (obj.ContainsKey("Assign"))
            Problem(location, "Assign", "variables (Assign) are not supported by this engine");
        CheckFields(obj, location, AllowedFields[type].Append("Assign"));
        CheckQueryLanguage(obj, location);
        var state = new State(name, type)
        {
            Next = OptionalString(obj, location, "Next"),
            End = OptionalBool(obj, location, "End"),
            InputPath = NullablePathField(obj, location, "InputPath", reference: false),
            OutputPath = NullablePathField(obj, location, "OutputPath", reference: false),
            ResultPath = NullablePathField(obj, location, "ResultPath", reference: true),
            Parameters = Template(obj, location, "Parameters"),
            ResultSelector = Template(obj, location, "ResultSelector"),
            Retry = Retriers(obj, location),
            Catch = Catchers(obj, location),
        };
        CheckFlow(state, obj, location);
        return type switch
        {
            StateType.Pass => state with { Result = JsonValues.Clone(obj["Result"]), HasResult = obj.ContainsKey("Result") },
            StateType.Task => ParseTask(state, obj, location),
            StateType.Choice => ParseChoice(state, obj, location),
            StateType.Wait => ParseWait(state, obj, location),
            StateType.Fail => ParseFail(state, obj, location),
            StateType.Parallel => ParseParallel(state, obj, location),
            StateType.Map => ParseMap(state, obj, location),
            _ => state,
        };
    }

    /// <summary>Pass/Task/Wait/Parallel/Map need exactly one of Next and End: true.</summary>
    private void CheckFlow(State state, JsonObject obj, string location)
    {
        if (state.Type is StateType.Choice or StateType.Succeed or StateType.Fail)
            return;
        if (state.Next is not null && state.End)
            Problem(location, "End", "a state cannot have both Next and End");
        else if (state.Next is null && !state.End)
            Problem(location, "Next", "a non-terminal state needs Next, or End: true");
        if (obj.ContainsKey("End") && !state.End && state.Next is null)
            Problem(location, "End", "End must be true when present without Next");
    }

    private State ParseTask(State state, JsonObject obj, string location)
    {
        var task = state with
        {
            Resource = RequiredString(obj, location, "Resource"),
            TimeoutSeconds = PositiveInt(obj, location, "TimeoutSeconds"),
            TimeoutSecondsPath = OptionalPath(obj, location, "TimeoutSecondsPath", reference: true),
            HeartbeatSeconds = PositiveInt(obj, location, "HeartbeatSeconds"),
            HeartbeatSecondsPath = OptionalPath(obj, location, "HeartbeatSecondsPath", reference: true),
        };
        if (obj.ContainsKey("TimeoutSeconds") && obj.ContainsKey("TimeoutSecondsPath"))
            Problem(location, "TimeoutSecondsPath", "TimeoutSeconds and TimeoutSecondsPath are mutually exclusive");
        if (obj.ContainsKey("HeartbeatSeconds") && obj.ContainsKey("HeartbeatSecondsPath"))
            Problem(location, "HeartbeatSecondsPath", "HeartbeatSeconds and HeartbeatSecondsPath are mutually exclusive");
        if (task.HeartbeatSeconds >= (task.TimeoutSeconds ?? int.MaxValue))
            Problem(location, "HeartbeatSeconds", "must be smaller than TimeoutSeconds");
        return task;
    }

    private State ParseWait(State state, JsonObject obj, string location)
    {
        string[] modes = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
        if (modes.Count(obj.ContainsKey) != 1)
            Problem(location, "Seconds", "a Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        DateTimeOffset? timestamp = null;
        var text = OptionalString(obj, location, "Timestamp");
        if (text is not null)
        {
            if (Timestamps.TryParse(text, out var parsed))
                timestamp = parsed;
            else
                Problem(location, "Timestamp", $"'{text}' is not an RFC 3339 timestamp");
        }

        return state with
        {
            Seconds = PositiveInt(obj, location, "Seconds", min: 0),
            Timestamp = timestamp,
            SecondsPath = OptionalPath(obj, location, "SecondsPath", reference: true),
            TimestampPath = OptionalPath(obj, location, "TimestampPath", reference: true),
        };
    }

    private State ParseFail(State state, JsonObject obj, string location)
    {
        if (obj.ContainsKey("Error") && obj.ContainsKey("ErrorPath"))
            Problem(location, "ErrorPath", "Error and ErrorPath are mutually exclusive");
        if (obj.ContainsKey("Cause") && obj.ContainsKey("CausePath"))
            Problem(location, "CausePath", "Cause and CausePath are mutually exclusive");
        return state with
        {
            Error = OptionalString(obj, location, "Error"),
            ErrorPath = OptionalIntrinsicOrPath(obj, location, "ErrorPath"),
            Cause = OptionalString(obj, location, "Cause"),
            CausePath = OptionalIntrinsicOrPath(obj, location, "CausePath"),
        };
    }

    /// <summary>ErrorPath/CausePath accept a reference path; intrinsics there are left to a later version.</summary>
    private JsonPath? OptionalIntrinsicOrPath(JsonObject obj, string location, string field) =>
        OptionalPath(obj, location, field, reference: true);

    private State ParseParallel(State state, JsonObject obj, string location)
    {
        if (obj["Branches"] is not JsonArray branches || branches.Count == 0)
        {
            Problem(location, "Branches", "must be a non-empty array of state machines");
            return state;
        }

        var parsed = branches.Select((b, i) => ParseMachine(b, $"{location}.Branches[{i}]", topLevel: false)).ToList();
        return state with { Branches = parsed.OfType<StateMachineDefinition>().ToList() };
    }
}
