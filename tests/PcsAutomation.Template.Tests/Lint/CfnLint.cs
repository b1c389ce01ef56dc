using System.Text.Json;

namespace PcsAutomation.Template.Tests.Lint;

/// <summary>One cfn-lint finding.</summary>
public sealed record CfnLintFinding(string Level, string Rule, string Message, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level} {Rule} line {Line}: {Message}";
}

/// <summary>What cfn-lint reported for one template.</summary>
public sealed record CfnLintReport(int ExitCode, IReadOnlyList<CfnLintFinding> Findings)
{
    /// <summary>Findings that fail the build: cfn-lint's Error level.</summary>
    public IEnumerable<CfnLintFinding> Errors => Findings.Where(f => f.Level == "Error");
}

/// <summary>
/// Runs the machine's <c>cfn-lint</c> (1.51, with the SAM translator, so the transformed template is linted).
/// Informational rules are switched on so they are visible in the test output; only errors fail.
/// </summary>
public static class CfnLint
{
    /// <summary>A guard against a hung linter only: about 20 s on a quiet machine, over 2 min on a heavily loaded one (load 36 on 2 cores).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Lints <paramref name="templatePath"/>; throws if cfn-lint itself failed rather than reporting.</summary>
    public static async Task<CfnLintReport> RunAsync(string templatePath)
    {
        var result = await ExternalTool.RunAsync("cfn-lint",
            ["--format", "json", "--include-checks", "I", "--", templatePath],
            Path.GetDirectoryName(templatePath)!, Patience);

        // Exit code bits: 2 errors, 4 warnings, 8 informational; 1 (or no JSON) means cfn-lint itself broke.
        if ((result.ExitCode & 1) != 0 || !result.StandardOutput.TrimStart().StartsWith('['))
            throw new InvalidOperationException("cfn-lint did not produce a report: " + result);

        using var json = JsonDocument.Parse(result.StandardOutput);
        var findings = json.RootElement.EnumerateArray().Select(f => new CfnLintFinding(
            f.GetProperty("Level").GetString()!,
            f.GetProperty("Rule").GetProperty("Id").GetString()!,
            f.GetProperty("Message").GetString()!,
            f.GetProperty("Location").GetProperty("Start").GetProperty("LineNumber").GetInt32()));
        return new CfnLintReport(result.ExitCode, [.. findings]);
    }
}
