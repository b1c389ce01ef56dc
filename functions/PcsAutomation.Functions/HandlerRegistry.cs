namespace PcsAutomation.Functions;

/// <summary>The handlers this bootstrap serves, by the name a function's <c>Handler</c> (<c>_HANDLER</c>) gives.</summary>
public static class HandlerRegistry
{
    /// <summary>Every handler name; template checks assert each function's <c>Handler</c> is one of these.</summary>
    public static IReadOnlyCollection<string> Names { get; } = ["Diagnostics"];
}
