namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// A rough, documented guess of how long compute capacity is unavailable, shown only in dry-run plans so an
/// operator can size the maintenance window. It is not used to time anything.
/// </summary>
/// <remarks>
/// How it is chosen (the guide gives only "several minutes" and "a few minutes", never numbers):
/// <list type="bullet">
/// <item>scale-down: node group updates take "several minutes" (guide L2694, L2731), all groups are updated in
/// parallel, so 5 min once, plus 15 s per group for the sequential API calls and poll granularity;</item>
/// <item>instance termination, when instances are up: 2 min (EC2 shutting-down to terminated);</item>
/// <item>rotation: "typically a few minutes" (guide L2382, L2454): 5 min;</item>
/// <item>scale-up: another node group update, 5 min plus 15 s per group;</item>
/// <item>instances coming back, when some were up: 5 min to boot and register (registration itself times out at
/// 600 s, guide L11100, so this is below the worst case).</item>
/// </list>
/// </remarks>
public static class DowntimeEstimate
{
    private static readonly TimeSpan NodeGroupUpdate = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PerGroup = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Termination = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Rotation = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BootAndRegister = TimeSpan.FromMinutes(5);

    public static TimeSpan For(int nodeGroupCount, int instancesUp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeGroupCount);
        ArgumentOutOfRangeException.ThrowIfNegative(instancesUp);

        var total = Rotation;
        if (nodeGroupCount > 0)
        {
            // Down and back up: two rounds of node group updates.
            total += 2 * (NodeGroupUpdate + (nodeGroupCount * PerGroup));
        }

        if (instancesUp > 0)
        {
            total += Termination + BootAndRegister;
        }

        return total;
    }
}
