using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PcsAutomation.Functions.Generators;

/// <summary>One function as generated: the handler with the globals applied.</summary>
internal sealed record ResolvedFunction(HandlerModel Handler, uint MemorySize, uint Timeout, ImmutableArray<string> Environment);

/// <summary>
/// The functions the generated code serves, from every handler read and the globals: ordered by handler name; a handler
/// without its factory, or whose name or resource another one already has, is left out and reported.
/// </summary>
internal sealed class FunctionSet
{
    private FunctionSet(ImmutableArray<ResolvedFunction> functions, ImmutableArray<DiagnosticInfo> diagnostics, string? runtime) =>
        (Functions, Diagnostics, Runtime) = (functions, diagnostics, runtime);

    public ImmutableArray<ResolvedFunction> Functions { get; }

    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }

    public string? Runtime { get; }

    public static FunctionSet From(ImmutableArray<HandlerModel> handlers, GlobalsModel globals)
    {
        var diagnostics = new List<DiagnosticInfo>(globals.Diagnostics);
        var functions = new List<ResolvedFunction>();
        var byHandler = new Dictionary<string, HandlerModel>(StringComparer.Ordinal);
        var byResource = new Dictionary<string, HandlerModel>(StringComparer.Ordinal);

        // the same order whatever order the compiler found the classes in, so the first of two duplicates is stable
        foreach (var handler in handlers.OrderBy(h => h.Handler, StringComparer.Ordinal).ThenBy(h => h.QualifiedTypeName, StringComparer.Ordinal))
        {
            diagnostics.AddRange(handler.Diagnostics);
            if (!handler.IsServable)
                continue;
            if (byHandler.TryGetValue(handler.Handler, out var first))
            {
                diagnostics.Add(new DiagnosticInfo(HandlerDiagnostics.DuplicateHandler.Id, handler.Location,
                    new[] { handler.Handler, first.TypeName, handler.TypeName }.ToEquatableArray()));
                continue;
            }
            if (byResource.TryGetValue(handler.ResourceName, out first))
            {
                diagnostics.Add(new DiagnosticInfo(HandlerDiagnostics.DuplicateResource.Id, handler.Location,
                    new[] { handler.ResourceName, first.TypeName, handler.TypeName }.ToEquatableArray()));
                continue;
            }
            byHandler.Add(handler.Handler, handler);
            byResource.Add(handler.ResourceName, handler);
            functions.Add(new ResolvedFunction(
                handler,
                handler.MemorySize > 0 ? handler.MemorySize : globals.MemorySize,
                handler.Timeout > 0 ? handler.Timeout : globals.Timeout,
                // SAM merges the function's Environment.Variables into the globals' map: each name once
                [.. globals.Environment.Concat(handler.Environment).Distinct(StringComparer.Ordinal)]));
        }
        return new FunctionSet([.. functions], [.. diagnostics], globals.Runtime);
    }
}
