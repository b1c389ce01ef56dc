using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions;

/// <summary>
/// The handlers this bootstrap serves, by the name a function's <c>Handler</c> (<c>_HANDLER</c>) gives. The names and
/// factories are generated from the handler classes' <c>[LambdaFunction]</c> attributes (PcsAutomation.Functions.Generators:
/// <c>Names</c>, <c>TryCreate</c>, <c>IsKnown</c> in HandlerRegistry.g.cs); adding a handler is adding the attribute (README.md).
/// </summary>
public static partial class HandlerRegistry
{
    /// <summary>Builds the handler named <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public static LambdaHandler Create(string? name, FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return TryCreate(name ?? "", services) ?? throw UnknownHandler(name);
    }

    /// <summary>Fails fast, before any other initialization, when <paramref name="name"/> is not served here.</summary>
    public static void EnsureKnown(string? name)
    {
        if (!IsKnown(name ?? ""))
            throw UnknownHandler(name);
    }

    private static UnknownHandlerException UnknownHandler(string? name) =>
        new($"_HANDLER is '{name}', which this bootstrap does not serve. Known handlers: {string.Join(", ", Names)}.");
}
