namespace PcsAutomation.Template.Tests.Template;

public class MakefileTargetsTests
{
    [Fact]
    public async Task ReadAsync_StaticPatternAndPlainRules_YieldEveryTarget()
    {
        var targets = await MakefileTargets.ReadAsync(RepoPaths.Fixture("Makefiles/Makefile"));

        Assert.Superset(new HashSet<string>(
            ["bootstrap", "build-DiagnosticsFunction", "build-AmiLookupFunction", "build-ReporterFunction", "build-Other"]), targets.ToHashSet());
        Assert.DoesNotContain("build-CommentedOutFunction", targets);
        Assert.DoesNotContain("FUNCTIONS", targets);
        Assert.DoesNotContain("ARTIFACTS_DIR", targets);
    }

    [Fact]
    public void ParseDatabase_NotATargetEntries_AreSkipped()
    {
        const string database = """
            # Variables
            ROOT := /repo/
            # Files

            # Not a target:
            Makefile:
            #  Implicit rule search has been done.

            build-DiagnosticsFunction: /repo/artifacts/bootstrap
            #  Phony target (prerequisite of .PHONY).
            # files hash-table stats:
            later: x
            """;

        Assert.Equal(["build-DiagnosticsFunction"], MakefileTargets.ParseDatabase(database));
    }

    [Fact]
    public void MissingBuildTargets_FunctionWithoutTarget_IsReported()
    {
        SamFunction[] functions =
        [
            Function("DiagnosticsFunction", "makefile"),
            Function("RotateSecretFunction", "makefile"),
            Function("PlainFunction", buildMethod: null),
        ];

        Assert.Equal(["RotateSecretFunction"], MakefileTargets.MissingBuildTargets(functions, new HashSet<string>(["build-DiagnosticsFunction"])));
    }

    private static SamFunction Function(string logicalId, string? buildMethod) =>
        new(logicalId, [], buildMethod is null ? [] : new() { ["BuildMethod"] = buildMethod });
}
