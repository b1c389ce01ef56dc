using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.Cli.Invoke;

/// <summary>Which template function <c>invoke</c> runs: by logical id (as <c>sam local invoke</c>) or by its <c>Handler</c>.</summary>
public static class FunctionTarget
{
    public static TemplateFunction Find(IReadOnlyList<TemplateFunction> functions, string name, string template)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return functions.FirstOrDefault(f => f.LogicalId == name)
            ?? functions.FirstOrDefault(f => f.Handler == name)
            ?? functions.FirstOrDefault(f => string.Equals(f.LogicalId, name, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Handler, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException(
                $"No function '{name}' in {template}: give a logical id or a handler ({string.Join(", ", functions.Select(f => f.LogicalId).Order(StringComparer.Ordinal))}).");
    }
}
