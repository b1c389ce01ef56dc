using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PcsAutomation.Functions.Generators;

/// <summary>Reads one <c>[LambdaFunction]</c> class into a <see cref="HandlerModel"/>, with what is wrong with it alone.</summary>
internal static class HandlerReader
{
    public const string AttributeName = "PcsAutomation.Lambda.Annotations.LambdaFunctionAttribute";
    public const string ServicesType = "PcsAutomation.Functions.Hosting.FunctionServices";
    public const string HandlerDelegate = "PcsAutomation.Lambda.Serialization.LambdaHandler";
    private const string HandlerSuffix = "Handler";
    private const string ResourceSuffix = "Function";

    public static HandlerModel Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var arguments = Arguments(attribute.NamedArguments);
        var diagnostics = new List<DiagnosticInfo>();

        var defaultHandler = type.Name.EndsWith(HandlerSuffix, System.StringComparison.Ordinal) && type.Name.Length > HandlerSuffix.Length
            ? type.Name.Substring(0, type.Name.Length - HandlerSuffix.Length)
            : type.Name;
        var handler = Name(arguments, "Handler", defaultHandler, type, syntax, diagnostics);
        var resource = Name(arguments, "ResourceName", (handler.Length > 0 ? handler : defaultHandler) + ResourceSuffix, type, syntax, diagnostics);
        var memory = Size(arguments, "MemorySize", "MB", type.ToDisplayString(), syntax, diagnostics);
        var timeout = Size(arguments, "Timeout", "seconds", type.ToDisplayString(), syntax, diagnostics);
        if (timeout > HandlerDiagnostics.MaxTimeoutSeconds)
            diagnostics.Add(DiagnosticInfo.Create(HandlerDiagnostics.TimeoutTooLong, ArgumentLocation(syntax, "Timeout"), type.ToDisplayString(), timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var hasCreate = HasCreate(type);
        if (!hasCreate)
            diagnostics.Add(DiagnosticInfo.Create(HandlerDiagnostics.MissingCreate, type.Locations.FirstOrDefault(), type.ToDisplayString()));

        return new HandlerModel(
            type.ToDisplayString(),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            handler,
            resource,
            memory,
            timeout,
            Strings(arguments, "Environment").ToEquatableArray(),
            SplitPolicies(arguments.TryGetValue("Policies", out var policies) ? policies.Value as string : null).ToEquatableArray(),
            hasCreate,
            LocationInfo.From(syntax?.GetLocation()),
            diagnostics.ToEquatableArray());
    }

    /// <summary>The comma-separated entries of a <c>Policies</c> value, trimmed, without empty ones (Amazon's format).</summary>
    public static IEnumerable<string> SplitPolicies(string? policies) =>
        (policies ?? "").Split(',').Select(p => p.Trim()).Where(p => p.Length > 0);

    /// <summary>The string values of an array argument (<c>Environment = [...]</c>), without nulls.</summary>
    public static IEnumerable<string> Strings(IReadOnlyDictionary<string, TypedConstant> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Array && !value.IsNull
            ? value.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!)
            : [];

    /// <summary>A size as written; an explicit 0 is reported (not set is also 0, meaning "the default").</summary>
    public static uint Size(IReadOnlyDictionary<string, TypedConstant> arguments, string name, string unit, string owner,
        AttributeSyntax? syntax, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGetValue(name, out var value) || value.Value is not uint size)
            return 0;
        if (size == 0)
            diagnostics.Add(DiagnosticInfo.Create(HandlerDiagnostics.NotPositive, ArgumentLocation(syntax, name), name, owner, unit));
        return size;
    }

    private static string Name(IReadOnlyDictionary<string, TypedConstant> arguments, string name, string fallback, INamedTypeSymbol type,
        AttributeSyntax? syntax, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGetValue(name, out var value))
            return fallback;
        var given = (value.Value as string ?? "").Trim();
        if (given.Length == 0)
            diagnostics.Add(DiagnosticInfo.Create(HandlerDiagnostics.EmptyName, ArgumentLocation(syntax, name), name, type.ToDisplayString(), fallback));
        return given;
    }

    /// <summary><c>public</c> or <c>internal static LambdaHandler Create(FunctionServices)</c>, the factory the registry calls.</summary>
    private static bool HasCreate(INamedTypeSymbol type) =>
        type.GetMembers("Create").OfType<IMethodSymbol>().Any(m =>
            m.IsStatic
            && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            && m.Parameters.Length == 1
            && m.Parameters[0].Type.ToDisplayString() == ServicesType
            && m.ReturnType.ToDisplayString() == HandlerDelegate);

    /// <summary>The <c>Name = value</c> argument of the attribute, or the whole attribute when it is not written there.</summary>
    public static Location? ArgumentLocation(AttributeSyntax? syntax, string name) =>
        (syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) as SyntaxNode ?? syntax)?.GetLocation();

    /// <summary>The named arguments of an attribute, by name.</summary>
    public static IReadOnlyDictionary<string, TypedConstant> Arguments(ImmutableArray<KeyValuePair<string, TypedConstant>> named) =>
        named.ToDictionary(a => a.Key, a => a.Value);
}
