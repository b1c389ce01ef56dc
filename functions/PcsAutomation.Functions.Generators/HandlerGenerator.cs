using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PcsAutomation.Functions.Generators;

/// <summary>
/// Builds the bootstrap's <c>HandlerRegistry</c> (names and factories) and <c>LambdaFunctions</c> (each function's
/// resource, handler, memory, timeout, environment names and policies) from the <c>[LambdaFunction]</c> handler classes
/// and <c>[assembly: LambdaGlobalProperties]</c>; bad attributes are compile errors (<see cref="HandlerDiagnostics"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class HandlerGenerator : IIncrementalGenerator
{
    /// <summary>The tracked steps, by name, for the caching tests.</summary>
    public const string HandlersStep = "Handlers";
    public const string GlobalsStep = "Globals";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only classes with the attribute are read, each only when its own syntax or symbols change.
        var handlers = context.SyntaxProvider.ForAttributeWithMetadataName(
                HandlerReader.AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                HandlerReader.Read)
            .WithTrackingName(HandlersStep);
        // Equal when unchanged, so a compilation change elsewhere stops here.
        var globals = context.CompilationProvider.Select(GlobalsReader.Read).WithTrackingName(GlobalsStep);

        context.RegisterSourceOutput(handlers.Collect().Combine(globals), static (output, input) =>
        {
            var set = FunctionSet.From(input.Left, input.Right);
            foreach (var diagnostic in set.Diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            output.AddSource("HandlerRegistry.g.cs", SourceEmitter.Registry(set));
            output.AddSource("LambdaFunctions.g.cs", SourceEmitter.Descriptions(set));
        });
    }
}
