using PcsAutomation.States.Errors;

namespace PcsAutomation.States.Runtime;

/// <summary>Which errors a Retrier or Catcher's ErrorEquals matches.</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        // States.Runtime is never retried nor caught: it always fails the execution.
        if (error == StatesErrorNames.Runtime)
            return false;
        foreach (var name in errorEquals)
        {
            if (name == error)
                return true;
            // States.ALL matches every error except the terminal States.DataLimitExceeded.
            if (name == StatesErrorNames.All && error != StatesErrorNames.DataLimitExceeded)
                return true;
            // States.TaskFailed matches any task failure except States.Timeout.
            if (name == StatesErrorNames.TaskFailed && IsTaskFailure(error))
                return true;
        }

        return false;
    }

    private static bool IsTaskFailure(string error) =>
        !error.StartsWith("States.", StringComparison.Ordinal) || error == StatesErrorNames.HeartbeatTimeout;
}
