using PcsAutomation.Functions;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The real template against the real bootstrap: handlers exist, and SAM can build every function.</summary>
public class TemplateFunctionTests
{
    [Fact]
    public void Template_HasAtLeastOneFunction() => Assert.NotEmpty(Functions());

    [Fact]
    public void Template_EveryFunctionHandler_IsInHandlerRegistry()
    {
        var unknown = Functions()
            .Where(f => f.Handler is null || !HandlerRegistry.Names.Contains(f.Handler))
            .Select(f => $"{f.LogicalId}: Handler '{f.Handler}' (registry: {string.Join(", ", HandlerRegistry.Names)})");

        Assert.Empty(unknown);
    }

    [Fact]
    public async Task Template_EveryMakefileBuiltFunction_HasBuildTarget()
    {
        // The Makefile comes from the runtime work (build-<LogicalId> → $(ARTIFACTS_DIR)/bootstrap).
        var makefile = Path.Combine(RepoPaths.Root, "Makefile");
        Assert.True(File.Exists(makefile), "no Makefile at the repo root: SAM's makefile build method needs one");

        Assert.Empty(MakefileTargets.MissingBuildTargets(Functions(), await MakefileTargets.ReadAsync(makefile)));
    }

    private static IReadOnlyList<SamFunction> Functions() => SamTemplate.Functions(CloudFormationYaml.Load(RepoPaths.Template)!);
}
