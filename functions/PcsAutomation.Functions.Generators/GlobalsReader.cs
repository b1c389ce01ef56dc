using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PcsAutomation.Functions.Generators;

/// <summary>Reads the assembly's <c>[assembly: LambdaGlobalProperties(...)]</c>, the template's <c>Globals.Function</c>.</summary>
internal static class GlobalsReader
{
    public const string AttributeName = "PcsAutomation.Lambda.Annotations.LambdaGlobalPropertiesAttribute";

    public static GlobalsModel Read(Compilation compilation, CancellationToken cancellation)
    {
        var attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        if (attribute is null)
            return GlobalsModel.None;

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var arguments = HandlerReader.Arguments(attribute.NamedArguments);
        var diagnostics = new List<DiagnosticInfo>();
        const string owner = "LambdaGlobalProperties";
        var timeout = HandlerReader.Size(arguments, "Timeout", "seconds", owner, syntax, diagnostics);
        if (timeout > HandlerDiagnostics.MaxTimeoutSeconds)
            diagnostics.Add(DiagnosticInfo.Create(HandlerDiagnostics.TimeoutTooLong, HandlerReader.ArgumentLocation(syntax, "Timeout"), owner,
                timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new GlobalsModel(
            arguments.TryGetValue("Runtime", out var runtime) ? runtime.Value as string : null,
            HandlerReader.Size(arguments, "MemorySize", "MB", owner, syntax, diagnostics),
            timeout,
            HandlerReader.Strings(arguments, "Environment").ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }
}
