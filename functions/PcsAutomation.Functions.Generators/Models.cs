using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PcsAutomation.Functions.Generators;

/// <summary>Where a diagnostic goes, without keeping a syntax tree (and so a whole compilation) alive in the cache.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic to report, by descriptor id, as cacheable data.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(HandlerDiagnostics.ById(Id), Location?.ToLocation(), [.. Arguments]);
}

/// <summary>
/// One class with <c>[LambdaFunction]</c>, as read from its attribute: names resolved to their defaults, sizes as
/// written (0: not set, use the globals).
/// </summary>
/// <param name="TypeName">The class with its namespace, for messages.</param>
/// <param name="QualifiedTypeName">The class, <c>global::</c>-qualified, for the generated code.</param>
/// <param name="HasCreate">Whether the class has the factory the registry calls.</param>
/// <param name="Location">The attribute, where duplicates are reported.</param>
/// <param name="Diagnostics">What is wrong with this handler alone.</param>
internal sealed record HandlerModel(
    string TypeName,
    string QualifiedTypeName,
    string Handler,
    string ResourceName,
    uint MemorySize,
    uint Timeout,
    EquatableArray<string> Environment,
    EquatableArray<string> Policies,
    bool HasCreate,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Usable in the registry: its own diagnostics are only about values the description can still carry.</summary>
    public bool IsServable => HasCreate && Handler.Length > 0 && ResourceName.Length > 0;
}

/// <summary>The assembly's <c>[LambdaGlobalProperties]</c> (all empty when it has none).</summary>
internal sealed record GlobalsModel(
    string? Runtime,
    uint MemorySize,
    uint Timeout,
    EquatableArray<string> Environment,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static GlobalsModel None { get; } = new(null, 0, 0, EquatableArray<string>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}
