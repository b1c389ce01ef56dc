using Xunit.Abstractions;

namespace PcsAutomation.Template.Tests.Lint;

public class CfnLintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Template_CfnLint_ReportsNoError()
    {
        var report = await CfnLint.RunAsync(RepoPaths.Template);
        foreach (var finding in report.Findings)
            output.WriteLine(finding.ToString());   // warnings and informational findings are shown, not failed

        Assert.Empty(report.Errors);
        Assert.Equal(0, report.ExitCode & 2);
    }

    [Fact]
    public async Task RunAsync_TemplateWithBadRuntimeAndTimeout_ReportsBothErrors()
    {
        var report = await CfnLint.RunAsync(RepoPaths.Fixture("Lint/bad-runtime-and-timeout.yaml"));

        Assert.Equal(["E3030", "E3034"], report.Errors.Select(e => e.Rule).Order(StringComparer.Ordinal));
        Assert.NotEqual(0, report.ExitCode & 2);
    }
}
