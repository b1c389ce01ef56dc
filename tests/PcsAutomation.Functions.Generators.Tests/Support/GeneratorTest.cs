using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace PcsAutomation.Functions.Generators.Tests.Support;

/// <summary>
/// Roslyn's source generator test (framework-neutral <see cref="DefaultVerifier"/>: its failures are exceptions xunit
/// reports) on the test's own framework and PcsAutomation.Lambda, so nothing is downloaded: no reference package.
/// Sources may mark expected diagnostics (<c>{|PCSGEN002:Name|}</c>); generated code must compile.
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<HandlerGenerator, DefaultVerifier>
{
    public GeneratorTest(bool checkGeneratedSources = false)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        TestState.Sources.Add(("FunctionServices.cs", HandlerSources.FunctionServices));
        if (!checkGeneratedSources)
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
