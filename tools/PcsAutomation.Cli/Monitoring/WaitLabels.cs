using System.Text;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// What a wait loop waits for, in words, from its Wait state's name (statemachines/src and fragments/): the workflows'
/// own loops read as a sentence, any other Wait state by its name split into words ("WaitForSomething" → "something").
/// </summary>
public static class WaitLabels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["WaitForDrain"] = "instances to stop",
        ["WaitForRunningJobs"] = "running jobs to end",
        ["WaitForJobs"] = "running jobs to end",
        ["WaitForRotation"] = "the secret rotation",
        ["WaitForRestore"] = "node groups to be restored",
        ["WaitForLoginNodes"] = "login nodes to take the new key",
        ["WaitForNodeGroupCanary"] = "the canary node group's new image",
        ["WaitForNodeGroup"] = "the node group's new image",
        ["WaitForRollback"] = "the rollback",
        ["WaitForLease"] = "the cluster's lease",
        ["WaitForChangeSwitch"] = "the launch template switch",
        ["WaitForChangeRestore"] = "parked node groups to be restored",
        ["WaitForChangeQueue"] = "the queue update",
        ["WaitForChangeDrain"] = "parked node groups to drain",
    };

    public static string For(string waitState)
    {
        ArgumentNullException.ThrowIfNull(waitState);
        if (Known.TryGetValue(waitState, out var label)) return label;
        var name = waitState.StartsWith("WaitFor", StringComparison.Ordinal) ? waitState["WaitFor".Length..] : waitState;
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }

        return words.Length > 0 ? words.ToString() : waitState;
    }
}
