using System.CommandLine;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>The options <c>ami plan</c> and <c>update</c> share: the workflow options, the target, the groups, the canary and the batch size.</summary>
internal sealed class RolloutOptions
{
    public WorkflowOptions Workflow { get; } = new(WorkflowMachine.NodeGroupUpdate);

    public Option<string?> TargetChannel { get; } = new("--target-channel")
    {
        Description = "Move the groups to the newest eligible AMI of this channel: sample, custom:<AMI name pattern>, tag:<key>=<value> or ssm:<parameter name>. "
            + "Default: the cluster's pcs-automation:ami-channel tag, else sample.",
    };

    public Option<string?> Owner { get; } = new("--owner") { Description = "For custom: and tag: channels: self (default), amazon or an account id." };

    public Option<string?> AmiId { get; } = new("--ami-id") { Description = "Move every group to this AMI (ami-...)." };

    public Option<string?> LaunchTemplateVersion { get; } = new("--launch-template-version") { Description = "Move every group to this version number of its own launch template." };

    public Option<string?> NodeGroups { get; } = new("--node-groups") { Description = "Only these groups, by name or id, comma-separated (default: every group whose image differs from the target)." };

    public Option<string?> Canary { get; } = new("--canary") { Description = "The group updated first, alone (default: chosen by the plan, which says why)." };

    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Groups updated at a time after the canary, 1 to 10 (default 1)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Workflow.AddTo(command);
        command.Add(TargetChannel);
        command.Add(Owner);
        command.Add(AmiId);
        command.Add(LaunchTemplateVersion);
        command.Add(NodeGroups);
        command.Add(Canary);
        command.Add(BatchSize);
        command.Validators.Add(result =>
        {
            var given = new[] { ("--target-channel", result.GetValue(TargetChannel)), ("--ami-id", result.GetValue(AmiId)), ("--launch-template-version", result.GetValue(LaunchTemplateVersion)) }
                .Where(o => o.Item2 is not null).Select(o => o.Item1).ToList();
            if (given.Count > 1)
                result.AddError($"{string.Join(" and ", given)} each name the target: pass one.");
        });
    }

    /// <summary>The request as typed (checked later, by the workflow's own rules, <see cref="RolloutInput"/>).</summary>
    public RolloutRequest Request(ParseResult parse, bool dryRun, string? replacement) => new(
        Workflow.ClusterName(parse),
        dryRun,
        parse.GetValue(TargetChannel),
        parse.GetValue(Owner),
        parse.GetValue(AmiId),
        parse.GetValue(LaunchTemplateVersion),
        parse.GetValue(NodeGroups) is { } groups ? [.. groups.Split(',').Select(g => g.Trim())] : null,
        parse.GetValue(Canary),
        parse.GetValue(BatchSize),
        replacement,
        Workflow.StateMachine(parse));
}
