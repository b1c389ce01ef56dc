using PcsAutomation.Cli.Rotation;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Tests.Rotation;

public class RotationSummaryRendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_DryRun_ShowsThePlanRows()
    {
        var summary = RotationSummary.From(
            new ExecutionResult("arn:x", "SUCCEEDED", Start, Start.AddSeconds(3), $$"""{"plan":{{RotationSummaryTests.Plan}}}""", null, null), dryRun: true);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Contains("Rotation plan (dry run)", console.Text, StringComparison.Ordinal);
        Assert.Contains("compute-1 (pcs_ng2): min 0, max 4", console.Text, StringComparison.Ordinal);
        Assert.Contains("i-0aaa, i-0bbb", console.Text, StringComparison.Ordinal);
        Assert.Contains("i-0byo", console.Text, StringComparison.Ordinal);
        Assert.Contains("25m 00s", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DryRunWithJobProtection_ThePolicyAndThePlanSentences()
    {
        const string jobs = """{"effectivePolicy":"reserve","fallbackReason":null,"lines":["Reservation pcs-automation-rotation created now.","3 jobs run now."]}""";
        var summary = RotationSummary.From(
            new ExecutionResult("arn:x", "SUCCEEDED", Start, Start.AddSeconds(3), $$"""{"plan":{{RotationSummaryTests.Plan}},"jobProtection":{{jobs}},"dryRun":true}""", null, null), dryRun: true);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Equal("reserve", summary.JobPolicy);
        Assert.Matches(@"running jobs \(job policy\)\s*│\s*reserve\s", console.Text);
        Assert.Contains("Reservation pcs-automation-rotation created now.", console.Text, StringComparison.Ordinal);
        Assert.Contains("3 jobs run now.", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunThatFellBackToRequeue_TheReasonAndNoPlanSentences()
    {
        const string jobs = """{"effectivePolicy":"requeue","fallbackReason":"the Slurm REST API is disabled on the cluster","lines":["Jobs are requeued."]}""";
        var summary = RotationSummary.From(RotationSummaryTests.Result("SUCCEEDED", $$"""{"plan":{{RotationSummaryTests.Plan}},"jobs":{{jobs}}}"""), dryRun: false);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Contains("requeue: the Slurm REST API is disabled on the cluster", console.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jobs are requeued.", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailureWithMarkupCharacters_PrintedLiterally()
    {
        var summary = RotationSummary.From(new ExecutionResult("arn:x", "FAILED", Start, Start, null, "States.TaskFailed", "bad [value] here"), dryRun: false);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Contains("bad [value] here", console.Text, StringComparison.Ordinal);
        Assert.Contains("FAILED", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NeedsOperator_NotRestoredAndTheCommandsToRestoreByHand()
    {
        const string command = "aws pcs update-compute-node-group --cluster-identifier pcs_abc1234567 --compute-node-group-identifier pcs_ng2 --scaling-configuration minInstanceCount=2,maxInstanceCount=8";
        var detail = RotationSummaryTests.Detail("NeedsOperator", RotationSummaryTests.SavedCompute, restored: false, extra: $$"""{"restoreCommands":["{{command}}"]}""");
        var summary = RotationSummary.From(RotationSummaryTests.Result("FAILED", null, "Automation.RestoreTimeout", "not back") with { Notification = detail }, dryRun: false);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Contains("node groups NOT restored (saved min/max)", console.Text, StringComparison.Ordinal);
        Assert.Contains("compute-1 (pcs_ng2): min 2, max 8", console.Text, StringComparison.Ordinal);
        Assert.Contains(command, console.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("restored min/max", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RotatedNotConfirmed_SaysSoWithTheVersionTheClusterReports()
    {
        var detail = RotationSummaryTests.Detail("Succeeded", RotationSummaryTests.SavedCompute, restored: true,
            extra: """{"currentVersionId":"v-new","clusterSecretVersion":"v-old","verification":"ROTATED_UNCONFIRMED"}""");
        var summary = RotationSummary.From(RotationSummaryTests.Result("SUCCEEDED", null) with { Notification = detail }, dryRun: false);
        using var console = new StringConsole();

        console.Console.Write(RotationSummaryRenderer.Render(summary));

        Assert.Contains("node groups (restored min/max)", console.Text, StringComparison.Ordinal);
        Assert.Contains("rotated, not confirmed by the cluster (it reports secret version v-old)", console.Text, StringComparison.Ordinal);
    }
}
