using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Tasks;

/// <summary>
/// Answers Task states from a mock file, keyed by state name, like Step Functions Local's MockedResponses:
/// <code>
/// { "GetCluster": { "Return": { "status": "ACTIVE" } },
///   "Flaky":      [ { "Throw": { "Error": "Lambda.ServiceException", "Cause": "busy" } }, { "Return": {} } ],
///   "Legacy":     { "0": { "Throw": { "Error": "E" } }, "1-2": { "Return": 1 } } }
/// </code>
/// A list (or "n"/"n-m" keys) answers successive calls; the last answer repeats. A state without a mock fails with
/// <c>Mock.NotFound</c>. For <c>.waitForTaskToken</c> the answer is delivered through the task token.
/// </summary>
public sealed class MockTaskInvoker : ITaskInvoker
{
    private readonly Dictionary<string, List<TaskOutcome>> answers;
    private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private MockTaskInvoker(Dictionary<string, List<TaskOutcome>> answers) => this.answers = answers;

    /// <summary>Set by the host so token-based mocks can answer; null leaves callbacks to the caller.</summary>
    public Runtime.StatesEngine? Engine { get; set; }

    /// <summary>Parses a mock document; throws <see cref="FormatException"/> naming the state and the problem.</summary>
    public static MockTaskInvoker Parse(string json)
    {
        var root = JsonValues.Parse(json) as JsonObject ?? throw new FormatException("the mock file must be a JSON object keyed by state name");
        var answers = new Dictionary<string, List<TaskOutcome>>(StringComparer.Ordinal);
        foreach (var (state, spec) in root)
            answers[state] = Sequence(state, spec);
        return new MockTaskInvoker(answers);
    }

    public static MockTaskInvoker Empty() => new([]);

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        TaskOutcome outcome;
        lock (gate)
        {
            if (!answers.TryGetValue(invocation.StateName, out var sequence))
                return ValueTask.FromResult(TaskOutcome.Failed("Mock.NotFound", $"No mock answer for the Task state '{invocation.StateName}'."));
            var call = calls.GetValueOrDefault(invocation.StateName);
            calls[invocation.StateName] = call + 1;
            outcome = sequence[Math.Min(call, sequence.Count - 1)];
        }

        if (invocation.Pattern == IntegrationPattern.WaitForTaskToken && Engine is { } engine)
        {
            if (outcome.Succeeded)
                engine.SendTaskSuccess(invocation.TaskToken!, JsonValues.ToJson(outcome.Output));
            else
                engine.SendTaskFailure(invocation.TaskToken!, outcome.Error, outcome.Cause);
            return ValueTask.FromResult(TaskOutcome.Success(null));
        }

        return ValueTask.FromResult(outcome.Succeeded ? TaskOutcome.Success(JsonValues.Clone(outcome.Output)) : outcome);
    }

    private static List<TaskOutcome> Sequence(string state, JsonNode? spec)
    {
        if (spec is JsonArray list && list.Count > 0)
            return list.Select(a => Answer(state, a)).ToList();
        if (spec is JsonObject obj && obj.Count > 0 && obj.All(p => char.IsAsciiDigit(p.Key[0])))
            return NumberedSequence(state, obj);
        return [Answer(state, spec)];
    }

    /// <summary>Step Functions Local style: keys "0", "1-3" name the calls each answer covers.</summary>
    private static List<TaskOutcome> NumberedSequence(string state, JsonObject obj)
    {
        var result = new List<TaskOutcome>();
        foreach (var (key, answer) in obj)
        {
            var bounds = key.Split('-');
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from || from != result.Count)
                throw new FormatException($"mock '{state}': call ranges must be contiguous from 0, got '{key}'");
            var outcome = Answer(state, answer);
            for (var i = from; i <= to; i++)
                result.Add(outcome);
        }

        return result;
    }

    private static TaskOutcome Answer(string state, JsonNode? answer)
    {
        if (answer is JsonObject obj && obj.TryGetPropertyValue("Return", out var value))
            return TaskOutcome.Success(JsonValues.Clone(value));
        if (answer is JsonObject t && t["Throw"] is JsonObject error)
            return TaskOutcome.Failed(error["Error"]?.ToString() ?? "", error["Cause"]?.ToString());
        throw new FormatException($"mock '{state}': each answer needs \"Return\" or \"Throw\": {{\"Error\", \"Cause\"}}");
    }
}
