using System.Collections.Concurrent;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

/// <summary>Task tokens handed out by <c>.waitForTaskToken</c> states, and the parked states waiting on them.</summary>
internal sealed class TaskTokenRegistry
{
    private readonly ConcurrentDictionary<string, Waiter> waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> closed = new(StringComparer.Ordinal);

    /// <summary>How many states wait for a callback right now (the driver stops skipping time for them).</summary>
    public int Pending => waiting.Count;

    public void Register(string token, Blocker<TaskOutcome> blocker, Action heartbeat) =>
        waiting[token] = new Waiter(blocker, heartbeat);

    /// <summary>Forgets a token whose state finished; later callbacks get TaskTimedOut, as in AWS.</summary>
    public void Close(string token)
    {
        waiting.TryRemove(token, out _);
        closed[token] = token;
    }

    public void Complete(string token, TaskOutcome outcome)
    {
        if (!Find(token).Blocker.TryWake(outcome))
            throw new StatesApiException("TaskTimedOut", "The task for this token has already completed or timed out.");
    }

    public void Heartbeat(string token) => Find(token).Heartbeat();

    private Waiter Find(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
            throw new StatesApiException("InvalidToken", "The task token is not valid.");
        if (waiting.TryGetValue(token, out var waiter))
            return waiter;
        if (closed.ContainsKey(token))
            throw new StatesApiException("TaskTimedOut", "The task for this token has already completed or timed out.");
        throw new StatesApiException("TaskDoesNotExist", "No task exists for this token.");
    }

    private sealed record Waiter(Blocker<TaskOutcome> Blocker, Action Heartbeat);
}
