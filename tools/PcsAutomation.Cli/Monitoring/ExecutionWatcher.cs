using Amazon.Runtime;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// Follows one execution: polls its history (newest first, paging only back to the last event seen, without execution
/// data), shows each new event with its timeline lines and the notifications it prepared to a view (the full list, or the
/// grouped <see cref="ConsoleStepView"/>), backs off while nothing happens,
/// and returns how the execution ended with the notifications it prepared (<see cref="NotificationTracker"/>) and the
/// plan it carried (<see cref="PlanTracker"/>).
/// Waits go through <paramref name="delay"/>, so a test (or the emulator mode) moves a virtual clock instead of sleeping.
/// </summary>
public sealed class ExecutionWatcher(IAmazonStepFunctions stepFunctions, Func<TimeSpan, CancellationToken, Task> delay, PollingOptions options)
{
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted",
    };

    /// <summary>Follows the execution, giving every timeline line to <paramref name="onLine"/> (the full list).</summary>
    public Task<ExecutionResult> WatchAsync(string executionArn, Action<TimelineEntry> onLine, CancellationToken cancellationToken) =>
        WatchAsync(executionArn, new TimelineView(onLine), cancellationToken);

    /// <summary>Follows the execution, showing each new event to <paramref name="view"/> and flushing it after each poll.</summary>
    public async Task<ExecutionResult> WatchAsync(string executionArn, IExecutionView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        options.Validate();
        var timeline = new Timeline();
        var notifications = new NotificationTracker(executionArn);
        var plans = new PlanTracker();
        var prepared = new List<PreparedNotification>();
        var interval = options.MinInterval;
        var failedPolls = 0;
        while (true)
        {
            IReadOnlyList<HistoryEvent> fresh;
            try
            {
                fresh = await NewEventsAsync(executionArn, timeline.LastEventId, cancellationToken).ConfigureAwait(false);
                failedPolls = 0;
            }
            catch (AmazonServiceException e) when (IsTransient(e) && ++failedPolls < options.MaxFailedPolls)
            {
                fresh = [];
            }

            foreach (var e in fresh.OrderBy(e => e.Id))
            {
                var lines = new List<TimelineEntry>(timeline.Add([e]));
                foreach (var notification in notifications.Add([e]))
                {
                    prepared.Add(notification);
                    lines.Add(timeline.Notified(notification));
                }

                view.Add(e, lines);
            }

            view.Flush();
            plans.Add(fresh);

            if (fresh.Any(e => Terminal.Contains(e.Type.Value)))
                return await DescribeAsync(executionArn, cancellationToken).ConfigureAwait(false) with { Notification = notifications.LastDetail, Plan = plans.LastPlan, Notifications = prepared };
            interval = options.NextInterval(interval, fresh.Count > 0);
            await delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ExecutionResult> DescribeAsync(string executionArn, CancellationToken cancellationToken)
    {
        var d = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(d.ExecutionArn, d.Status.Value, d.StartDate, d.StopDate, d.Output, d.Error, d.Cause);
    }

    private async Task<IReadOnlyList<HistoryEvent>> NewEventsAsync(string executionArn, long after, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest
                {
                    ExecutionArn = executionArn,
                    ReverseOrder = true,
                    MaxResults = options.PageSize,
                    NextToken = token,
                    // includeExecutionData left at its default (true): the timeline prints names and errors only, the
                    // notification tracker reads the PrepareNotification states' output.
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events)
            {
                if (e.Id <= after) return events;
                events.Add(e);
            }

            token = page.NextToken;
        }
        while (token is not null);
        return events;
    }

    private static bool IsTransient(AmazonServiceException e) =>
        e.ErrorCode is "ThrottlingException" or "Throttling" or "TooManyRequestsException" || (int)e.StatusCode >= 500;
}
