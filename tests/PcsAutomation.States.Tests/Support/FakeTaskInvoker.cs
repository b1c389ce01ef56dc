using System.Collections.Concurrent;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Tests.Support;

/// <summary>A hand-written task host: answers with a delegate and records every call with the virtual time it happened.</summary>
internal sealed class FakeTaskInvoker(Func<TaskInvocation, TaskOutcome> answer) : ITaskInvoker
{
    public ConcurrentQueue<(TaskInvocation Invocation, DateTimeOffset At)> Calls { get; } = new();

    public TimeProvider? Clock { get; set; }

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        Calls.Enqueue((invocation, Clock?.GetUtcNow() ?? default));
        return ValueTask.FromResult(answer(invocation));
    }
}
