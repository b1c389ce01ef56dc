namespace PcsAutomation.Domain.Workflows;

/// <summary>
/// Wait between status polls. PCS publishes no status-change events, so the workflow polls (digest §14); node group
/// updates and rotations take minutes (guide L2382, L2694), so polls start at 15 s and settle at 2 min.
/// </summary>
public static class PollingBackoff
{
    private static readonly int[] Steps = [15, 30, 60, 120];

    /// <summary>Seconds to wait before poll number <paramref name="attempt"/> (0 = the first): 15, 30, 60, 120, then 120.</summary>
    public static int NextWaitSeconds(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        return Steps[Math.Min(attempt, Steps.Length - 1)];
    }
}
