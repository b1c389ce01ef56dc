using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PcsAutomation.Template.Tests.Lint;

public class CfnLintTests(ITestOutputHelper output)
{
    // one cfn-lint run of template.yaml (10 to 20 s) serves every test that reads it
    private static readonly Lazy<Task<CfnLintReport>> TemplateReport = new(() => CfnLint.RunAsync(RepoPaths.Template));

    [Fact]
    public async Task Template_CfnLint_ReportsNoError()
    {
        var report = await TemplateReport.Value;
        foreach (var finding in report.Findings)
            output.WriteLine(finding.ToString());   // warnings and informational findings are shown, not failed

        Assert.Empty(report.Errors);
        Assert.Equal(0, report.ExitCode & 2);
    }

    [Fact]
    public async Task Template_CfnLint_FindsNothingInTheManagedPolicies()
    {
        // cfn-lint reads a Fn::Sub'd JSON policy with the Sub resolved (the fixture below proves it); a warning there
        // would be a policy IAM refuses at deploy, so any finding in these resources fails.
        var lines = File.ReadAllLines(RepoPaths.Template);
        var spans = ResourceSpans(lines, "AWS::IAM::ManagedPolicy").ToList();
        var report = await TemplateReport.Value;

        Assert.NotEmpty(spans);
        Assert.Empty(report.Findings.Where(f => spans.Any(s => f.Line >= s.First && f.Line <= s.Last)).Select(f => f.ToString()));
    }

    [Fact]
    public async Task RunAsync_SubJsonPolicyWithUnknownOperator_ReportsItThroughTheSub()
    {
        var report = await CfnLint.RunAsync(RepoPaths.Fixture("Lint/sub-json-policy-unknown-operator.yaml"));

        Assert.Contains(report.Findings, f => f.Rule == "W1031" && f.Line == 12
            && f.Message.Contains("'StringLooksLike'", StringComparison.Ordinal) && f.Message.Contains("'Fn::Sub' is resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TemplateWithBadRuntimeAndTimeout_ReportsBothErrors()
    {
        var report = await CfnLint.RunAsync(RepoPaths.Fixture("Lint/bad-runtime-and-timeout.yaml"));

        Assert.Equal(["E3030", "E3034"], report.Errors.Select(e => e.Rule).Order(StringComparer.Ordinal));
        Assert.NotEqual(0, report.ExitCode & 2);
    }

    /// <summary>The 1-based first and last lines of each resource of <paramref name="type"/> (a resource starts at two spaces of indent).</summary>
    private static IEnumerable<(int First, int Last)> ResourceSpans(string[] lines, string type)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^  [A-Za-z0-9]+:\s*$", RegexOptions.None, TimeSpan.FromSeconds(1))
                || i + 1 >= lines.Length || lines[i + 1].Trim() != "Type: " + type)
                continue;
            var last = i + 1;
            while (last + 1 < lines.Length && (lines[last + 1].Length == 0 || lines[last + 1].StartsWith("    ", StringComparison.Ordinal)))
                last++;
            yield return (i + 1, last + 1);
        }
    }
}
