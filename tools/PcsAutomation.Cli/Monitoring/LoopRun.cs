using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// One run through a wait loop, as <see cref="StepGrouping"/> follows it: when it began, how many polls (entries of the
/// state it began with), how many waits, the first and the latest answer of its checks, and its tasks (printed one by
/// one when the loop was left before it ever waited).
/// </summary>
internal sealed class LoopRun(WaitLoop loop, string head, DateTimeOffset start)
{
    private readonly Dictionary<string, DateTimeOffset> taskSince = new(StringComparer.Ordinal);
    private IReadOnlyList<ProgressFact>? first;
    private IReadOnlyList<ProgressFact> latest = [];
    private string? subject;

    public WaitLoop Loop { get; } = loop;

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset Last { get; private set; } = start;

    public int Polls { get; private set; }

    public int Waits { get; private set; }

    public List<(string State, DateTimeOffset At, TimeSpan InState)> Tasks { get; } = [];

    public void Entered(string state, string type, DateTimeOffset at)
    {
        Last = at;
        if (state == head) Polls++;
        if (type == "Wait") Waits++;
        if (type == "Task") taskSince[state] = at;
    }

    public void Exited(StateExitedEventDetails exited, DateTimeOffset at)
    {
        Last = at;
        if (taskSince.Remove(exited.Name, out var since)) Tasks.Add((exited.Name, at, at - since));
        if (!Loop.ResultMembers.TryGetValue(exited.Name, out var member) || exited.Output is not { Length: > 0 } output) return;
        JsonObject? state;
        try
        {
            state = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        // A Map iteration of the roll-out carries its group ({"group": PlannedGroupUpdate}): the line names it.
        if (state?["group"]?["nodeGroupName"] is JsonValue name && name.TryGetValue<string>(out var groupName)) subject = groupName;
        var facts = CheckProgress.Read(state?[member]);
        if (facts.Count == 0) return;
        first ??= facts;
        latest = facts;
    }

    public StepLine Line(DateTimeOffset at, TimeSpan elapsed, bool done) =>
        StepLine.Loop(at, elapsed, done, WaitLabels.For(Loop.WaitState) + (subject is null ? "" : $" ({subject})"), CheckProgress.Describe(first ?? [], latest), Polls, at - Start);
}
