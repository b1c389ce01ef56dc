namespace PcsAutomation.Slurm.Model;

/// <summary>
/// The reason a workflow puts on the nodes it drains: it names the workflow and the execution (issue 12), so an operator
/// reading <c>sinfo -R</c> knows who drained a node and why, and a resume touches only the nodes that execution drained.
/// </summary>
public static class SlurmDrainReason
{
    /// <summary>What every reason we set starts with.</summary>
    public const string Prefix = "pcs-automation:";

    /// <summary>"pcs-automation: cluster-secret-rotation run-1".</summary>
    public static string For(string workflow, string executionName)
    {
        RequireWord(workflow, nameof(workflow));
        RequireWord(executionName, nameof(executionName));
        return $"{Prefix} {workflow} {executionName}";
    }

    /// <summary>True when <paramref name="reason"/> was set by some execution of pcs-automation.</summary>
    public static bool IsOurs(string? reason) => reason is not null && reason.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="node"/> is drained with the reason of that workflow's execution.</summary>
    public static bool DrainedBy(SlurmNode node, string workflow, string executionName)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.IsDrain && string.Equals(node.Reason, For(workflow, executionName), StringComparison.Ordinal);
    }

    private static void RequireWord(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Any(char.IsWhiteSpace))
            throw new ArgumentException($"A drain reason's {name} is one word, not '{value}'.", name);
    }
}
