namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// The pinned Amazon States Language validator, <c>npx --yes asl-validator@4.0.0 --json-path &lt;file&gt;</c>.
/// Its exit code: 0 valid, 1 invalid, 2 the file could not be read or parsed.
/// </summary>
/// <remarks>
/// <c>--json-path</c> on purpose: in 4.0.0, <c>--json-definition</c> exits 0 when the text is not JSON at all.
/// </remarks>
public static class AslValidator
{
    /// <summary>The package the design pins.</summary>
    public const string Package = "asl-validator@4.0.0";

    /// <summary>Validates one definition file.</summary>
    public static Task<ToolResult> ValidateAsync(string definitionPath) =>
        ExternalTool.RunAsync("npx", ["--yes", Package, "--json-path", definitionPath],
            Path.GetDirectoryName(definitionPath)!, TimeSpan.FromMinutes(3));
}
