using Xunit.Abstractions;

namespace PcsAutomation.Template.Tests.StateMachines;

public class AslValidatorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Validate_ValidDefinition_ExitsZero()
    {
        var result = await AslValidator.ValidateAsync(RepoPaths.Fixture("Asl/valid.asl.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("Asl/unknown-state-type.asl.json", "/States/RunDiagnostics/Type")]
    [InlineData("Asl/next-to-missing-state.asl.json", "NoSuchState")]
    public async Task Validate_InvalidDefinition_ExitsOneNamingTheFault(string fixture, string expected)
    {
        var result = await AslValidator.ValidateAsync(RepoPaths.Fixture(fixture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NotJson_ExitsNonZero()
    {
        var result = await AslValidator.ValidateAsync(RepoPaths.Fixture("Asl/truncated.asl.json"));

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Repo_EveryStateMachineDefinition_PassesAslValidator()
    {
        var failures = new List<string>();
        var files = StateMachineChecks.DefinitionFiles(RepoPaths.Template);
        foreach (var file in files)
        {
            var result = await AslValidator.ValidateAsync(file);
            if (result.ExitCode != 0)
                failures.Add($"{Path.GetFileName(file)}: {result}");
        }
        output.WriteLine($"{files.Count} definition(s) under statemachines/ checked with {AslValidator.Package}");

        Assert.Empty(failures);
    }
}
