using PcsAutomation.Cli.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class PlanTextTests
{
    private static string Render(PcsAutomation.Domain.NodeGroupUpdate.NodeGroupUpdatePlan plan, TargetSource? source = null)
    {
        using var console = new StringConsole();
        PlanText.Render(console.Console, plan, source);
        return console.Text;
    }

    [Fact]
    public void Render_Plan_GroupsInRollOutOrderWithChangeImageAndDisruption()
    {
        var text = Render(SamplePlan.Demo(), new TargetSource("default", "the default: the cluster has no pcs-automation:ami-channel tag"));

        Assert.Contains("Roll-out plan for demo (pcs_abc1234567), Slurm 25.05", text, StringComparison.Ordinal);
        Assert.Contains("target: channel sample (the default: the cluster has no pcs-automation:ami-channel tag)", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        int Row(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        var (canary, first, second) = (Row("  canary    compute-1 (pcs_ng2), 2 running"), Row("  batch 1   gpu (pcs_ng3), 0 running"), Row("  batch 2   login (pcs_ng1), a login group, 1 running"));
        Assert.True(canary >= 0 && first > canary && second > first, text);
        Assert.Contains("launch template lt-09aaaaaaaaaaaaaaa version 1 → new version from 1 with ImageId ami-0123456789abcdef0", text, StringComparison.Ordinal);
        Assert.Contains($"{SamplePlan.OldImage} → {SamplePlan.NewImage}", text, StringComparison.Ordinal);
        Assert.Contains("only marked for replacement", text, StringComparison.Ordinal);
        Assert.Contains("canary compute-1: chosen: the compute group", text, StringComparison.Ordinal);
        Assert.Contains("old (pcs_ng4): already on the target", text, StringComparison.Ordinal);
        Assert.Contains("sample AMIs are for demonstration only (guide L5522-5524) (compute-1)", text, StringComparison.Ordinal);
    }

    [Fact] // the dry run's output carries the roll-out's job protection lines beside its plan (issue 12)
    public void Jobs_DryRunOutputWithJobLines_PrintedUnderJobs()
    {
        using var console = new StringConsole();
        var output = System.Text.Json.Nodes.JsonNode.Parse("""{"plan":{},"jobs":{"action":"requeue","lines":["Jobs: policy requeue instead of reserve (the default): endpoint unreachable: refused.","Running jobs: not read."]}}""");

        PlanText.Jobs(console.Console, output);

        Assert.Equal(["  jobs:", "    Jobs: policy requeue instead of reserve (the default): endpoint unreachable: refused.", "    Running jobs: not read."],
            console.Text.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Jobs_NoJobsInTheOutput_PrintsNothing()
    {
        using var console = new StringConsole();

        PlanText.Jobs(console.Console, System.Text.Json.Nodes.JsonNode.Parse("""{"plan":{}}"""));

        Assert.Equal("", console.Text);
    }

    [Fact]
    public void Warnings_SameWarningOnSeveralGroups_OnceWithTheirNames()
    {
        var plan = SamplePlan.Demo() with { Warnings = ["compute-1: sample AMI", "gpu: sample AMI", "login: sample AMI", "gpu: near the versions quota", "a cluster-wide warning"] };

        Assert.Equal(["sample AMI (compute-1, gpu, login)", "near the versions quota (gpu)", "a cluster-wide warning"], PlanText.Warnings(plan));
    }

    [Fact]
    public void Render_NothingToUpdate_SaysSoWithoutATable()
    {
        var text = Render(SamplePlan.Demo() with { Canary = null, Remaining = [], Batches = [], Warnings = [] });

        Assert.Contains("nothing to update: every group selected is already on the target", text, StringComparison.Ordinal);
        Assert.DoesNotContain("compute-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValuesWithMarkup_PrintedLiterally()
    {
        var text = Render(SamplePlan.Demo() with { ClusterName = "[red]demo[/]", Warnings = ["[bold]x[/]"] });

        Assert.Contains("[red]demo[/]", text, StringComparison.Ordinal);
        Assert.Contains("[bold]x[/]", text, StringComparison.Ordinal);
    }
}
