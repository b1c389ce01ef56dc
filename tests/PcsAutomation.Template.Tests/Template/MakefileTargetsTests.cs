namespace PcsAutomation.Template.Tests.Template;

public class MakefileTargetsTests
{
    private const string Makefile = """
        ARTIFACTS_DIR ?= $(CURDIR)/artifacts
        PUBLISH := dotnet publish
        .PHONY: build-DiagnosticsFunction build-AmiLookupFunction

        # one publish serves every function
        build-DiagnosticsFunction build-AmiLookupFunction: $(ARTIFACTS_DIR)/bootstrap
        	cp publish/bootstrap $(ARTIFACTS_DIR)/bootstrap

        $(ARTIFACTS_DIR)/bootstrap:
        	$(PUBLISH) -o publish
        """;

    [Fact]
    public void Parse_RuleLines_YieldEveryTarget()
    {
        var targets = MakefileTargets.Parse(Makefile.Replace("        \t", "\t", StringComparison.Ordinal));

        Assert.Contains("build-DiagnosticsFunction", targets);
        Assert.Contains("build-AmiLookupFunction", targets);
        Assert.Contains("$(ARTIFACTS_DIR)/bootstrap", targets);
        Assert.DoesNotContain("PUBLISH", targets);
        Assert.DoesNotContain("ARTIFACTS_DIR", targets);
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

        Assert.Equal(["RotateSecretFunction"], MakefileTargets.MissingBuildTargets(functions, Makefile));
    }

    private static SamFunction Function(string logicalId, string? buildMethod) =>
        new(logicalId, [], buildMethod is null ? [] : new() { ["BuildMethod"] = buildMethod });
}
