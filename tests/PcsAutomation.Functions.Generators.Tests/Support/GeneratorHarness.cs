using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PcsAutomation.Lambda.Annotations;

namespace PcsAutomation.Functions.Generators.Tests.Support;

/// <summary>
/// Compiles sources with the generator, as the bootstrap's build does, and keeps the driver so a test can change a
/// source and run it again (what an IDE or an incremental build does).
/// </summary>
internal sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    private GeneratorDriver driver;

    private GeneratorHarness(CSharpCompilation compilation)
    {
        Compilation = compilation;
        driver = CSharpGeneratorDriver.Create(
            [new HandlerGenerator().AsSourceGenerator()],
            parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public CSharpCompilation Compilation { get; private set; }

    /// <summary>The framework the tests run on and PcsAutomation.Lambda (attributes, LambdaHandler): all a handler needs.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(LambdaFunctionAttribute).Assembly.Location),
    ];

    public static GeneratorHarness For(params string[] sources) =>
        new(CSharpCompilation.Create(
            "bootstrap",
            [CSharpSyntaxTree.ParseText(HandlerSources.FunctionServices, Parse, "FunctionServices.cs"),
             .. sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, Parse, $"Source{i}.cs"))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    /// <summary>Runs the generator on the current sources: what it produced and what the whole compilation reports.</summary>
    public GeneratorRun Run()
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(Compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(result, generatorDiagnostics, output);
    }

    /// <summary>Replaces source <paramref name="index"/> (as given to <see cref="For"/>) by <paramref name="source"/>.</summary>
    public void Replace(int index, string source)
    {
        var old = Compilation.SyntaxTrees.Single(t => t.FilePath == $"Source{index}.cs");
        Compilation = Compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, Parse, old.FilePath));
    }

    public void Remove(int index) =>
        Compilation = Compilation.RemoveSyntaxTrees(Compilation.SyntaxTrees.Single(t => t.FilePath == $"Source{index}.cs"));

    public void Add(string source, string path) =>
        Compilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, Parse, path));
}

/// <summary>One generator run: the generated files by name, the generator's diagnostics, the compiled result.</summary>
internal sealed record GeneratorRun(GeneratorRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Output)
{
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public string Registry => Source("HandlerRegistry.g.cs");

    /// <summary>The errors of the compilation with the generated code (it must compile for the bootstrap to build).</summary>
    public ImmutableArray<Diagnostic> CompilationErrors => [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Compiles and loads the bootstrap: the generated registry and descriptions as the product would see them.</summary>
    public CompiledBootstrap Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        image.Position = 0;
        // collectible and resolving nothing itself: PcsAutomation.Lambda comes from the test's own context, so the
        // descriptions are the test's LambdaFunctionDescription
        var context = new AssemblyLoadContext(name: null, isCollectible: true);
        return new CompiledBootstrap(context.LoadFromStream(image));
    }
}

/// <summary>A compiled test bootstrap, read through reflection (tests only: the product calls the generated code directly).</summary>
internal sealed class CompiledBootstrap(Assembly assembly)
{
    private Type Registry => assembly.GetType("PcsAutomation.Functions.HandlerRegistry", throwOnError: true)!;

    public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)Registry.GetProperty("Names")!.GetValue(null)!;

    public IReadOnlyList<LambdaFunctionDescription> Functions =>
        (IReadOnlyList<LambdaFunctionDescription>)assembly.GetType("PcsAutomation.Functions.LambdaFunctions", throwOnError: true)!
            .GetProperty("All")!.GetValue(null)!;

    public string? Runtime => (string?)assembly.GetType("PcsAutomation.Functions.LambdaFunctions", throwOnError: true)!
        .GetProperty("Runtime")!.GetValue(null);

    /// <summary>The generated factory switch: a handler for a known name, null otherwise.</summary>
    public Delegate? TryCreate(string name)
    {
        var services = Activator.CreateInstance(assembly.GetType("PcsAutomation.Functions.Hosting.FunctionServices", throwOnError: true)!);
        return (Delegate?)Registry.GetMethod("TryCreate", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [name, services]);
    }

    public bool IsKnown(string name) =>
        (bool)Registry.GetMethod("IsKnown", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [name])!;
}
