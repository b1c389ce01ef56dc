using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Report;

/// <summary>One stay in a state: entered, exited (null while running or when the execution stopped inside it).</summary>
public sealed record StepSpan(string State, DateTimeOffset Entered, DateTimeOffset? Exited);

/// <summary>One task call the execution scheduled: its state, when, what it called (a Lambda function's name, or <c>sns:publish</c>...), and whether it failed.</summary>
public sealed record TaskCall(string State, DateTimeOffset At, string Service, string Target, string? Error);

/// <summary>
/// What an execution's history says, counted the way Step Functions bills and the way the page shows it: every state
/// entered (with how often), the transitions taken between states (those a Catch took apart: a stay whose last task
/// failed and that still went on), each stay as a span on the (virtual) clock, every
/// task call and its failure, and the retries (a task scheduled again in the same stay). Pure: the events in, numbers out.
/// </summary>
public sealed record RunHistory(
    IReadOnlyDictionary<string, int> Visits,
    IReadOnlySet<(string From, string To)> Taken,
    IReadOnlySet<(string From, string To)> Caught,
    IReadOnlyList<StepSpan> Steps,
    IReadOnlyList<TaskCall> Tasks,
    int Retries)
{
    /// <summary>States entered, every visit counted.</summary>
    public int StatesEntered => Visits.Values.Sum();

    /// <summary>Step Functions Standard bills a transition per state entered and per retry ("state transitions, retries included").</summary>
    public int StateTransitions => StatesEntered + Retries;

    public int LambdaInvocations => Tasks.Count(t => t.Service == "lambda");

    public static RunHistory From(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.OrderBy(e => e.Id).ToList();
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<(string, string)>();
        var caught = new HashSet<(string, string)>();
        // stays whose last task, Map or Parallel failed (HistoryEventType in ../shared/reference/botocore/stepfunctions.service-2.json)
        var failedStays = new HashSet<long>();
        var caughtExits = new HashSet<long>();                                   // StateExited ids of those stays
        var steps = new List<StepSpan>();
        var open = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);   // state → its open stays (Map iterations overlap)
        var stateOf = new Dictionary<long, string>();                            // event id → the state it belongs to
        var exitedById = new Dictionary<long, string>();
        var scheduledIn = new Dictionary<long, int>();                           // StateEntered id → tasks scheduled in that stay
        var stayOf = new Dictionary<long, long>();                               // event id → the StateEntered id of its stay
        var tasks = new List<TaskCall>();
        var pendingTask = new Dictionary<long, int>();                           // scheduled event id → index in tasks
        var retries = 0;

        foreach (var e in events)
        {
            var previous = e.PreviousEventId ?? 0;
            if (e.StateEnteredEventDetails is { } entered)
            {
                visits[entered.Name] = visits.GetValueOrDefault(entered.Name) + 1;
                if (exitedById.TryGetValue(previous, out var from)) (caughtExits.Contains(previous) ? caught : taken).Add((from, entered.Name));
                if (!open.TryGetValue(entered.Name, out var stays)) open[entered.Name] = stays = new Queue<int>();
                stays.Enqueue(steps.Count);
                steps.Add(new StepSpan(entered.Name, e.Timestamp, null));
                stateOf[e.Id] = entered.Name;
                stayOf[e.Id] = e.Id;
                continue;
            }

            var state = stateOf.GetValueOrDefault(previous);
            if (state is not null) stateOf[e.Id] = state;
            if (stayOf.TryGetValue(previous, out var stay)) stayOf[e.Id] = stay;

            if (e.StateExitedEventDetails is { } exited)
            {
                exitedById[e.Id] = exited.Name;
                if (stayOf.TryGetValue(e.Id, out var exitedStay) && failedStays.Contains(exitedStay)) caughtExits.Add(e.Id);
                if (open.TryGetValue(exited.Name, out var stays) && stays.Count > 0)
                {
                    var index = stays.Dequeue();
                    steps[index] = steps[index] with { Exited = e.Timestamp };
                }

                continue;
            }

            if (Scheduled(e) is { } call)
            {
                if (stayOf.TryGetValue(e.Id, out var owner))
                {
                    failedStays.Remove(owner);                                   // retried: the stay's fate is this attempt's
                    var count = scheduledIn.GetValueOrDefault(owner) + 1;
                    scheduledIn[owner] = count;
                    if (count > 1) retries++;
                }

                pendingTask[e.Id] = tasks.Count;
                tasks.Add(new TaskCall(state ?? "", e.Timestamp, call.Service, call.Target, null));
                continue;
            }

            if ((Failure(e) is not null || e.Type.Value is "MapStateFailed" or "ParallelStateFailed") && stayOf.TryGetValue(e.Id, out var failedStay))
                failedStays.Add(failedStay);
            if (Failure(e) is { } error && FindTask(e, pendingTask, events) is { } failedIndex)
                tasks[failedIndex] = tasks[failedIndex] with { Error = error };
        }

        return new RunHistory(visits, taken, caught, steps, tasks, retries);
    }

    private static (string Service, string Target)? Scheduled(HistoryEvent e)
    {
        if (e.LambdaFunctionScheduledEventDetails is { } lambda) return ("lambda", FunctionName(lambda.Resource));
        if (e.TaskScheduledEventDetails is not { } task) return null;
        if (task.ResourceType == "lambda")
        {
            try
            {
                if (JsonNode.Parse(task.Parameters)?["FunctionName"] is JsonValue name && name.TryGetValue<string>(out var function))
                    return ("lambda", FunctionName(function));
            }
            catch (JsonException)
            {
                // parameters that are not JSON: the function stays unnamed
            }

            return ("lambda", "(function)");
        }

        return (task.ResourceType, $"{task.ResourceType}:{task.Resource}");
    }

    /// <summary>The function's name from its ARN (<c>arn:aws:lambda:…:function:name[:qualifier]</c>) or the name itself.</summary>
    public static string FunctionName(string arnOrName)
    {
        ArgumentNullException.ThrowIfNull(arnOrName);
        var parts = arnOrName.Split(':');
        var at = Array.IndexOf(parts, "function");
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : arnOrName;
    }

    private static string? Failure(HistoryEvent e) =>
        e.TaskFailedEventDetails?.Error ?? e.TaskTimedOutEventDetails?.Error ?? e.TaskStartFailedEventDetails?.Error
        ?? e.TaskSubmitFailedEventDetails?.Error ?? e.LambdaFunctionFailedEventDetails?.Error ?? e.LambdaFunctionTimedOutEventDetails?.Error
        ?? e.LambdaFunctionStartFailedEventDetails?.Error ?? e.LambdaFunctionScheduleFailedEventDetails?.Error
        ?? (e.Type.Value is "TaskTimedOut" or "LambdaFunctionTimedOut" ? "States.Timeout" : null);

    /// <summary>The task a failure event belongs to: back through previousEventId to its scheduled event.</summary>
    private static int? FindTask(HistoryEvent failure, Dictionary<long, int> pending, List<HistoryEvent> events)
    {
        var byId = events.ToDictionary(e => e.Id);
        for (long? id = failure.PreviousEventId; id is { } current && byId.TryGetValue(current, out var e); id = e.PreviousEventId)
        {
            if (pending.TryGetValue(current, out var index)) return index;
            if (e.StateEnteredEventDetails is not null) return null;
        }

        return null;
    }
}
