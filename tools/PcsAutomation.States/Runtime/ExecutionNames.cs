using PcsAutomation.States.Errors;

namespace PcsAutomation.States.Runtime;

/// <summary>Execution name rules of StartExecution: 1-80 characters, no whitespace, brackets, wildcards or control characters.</summary>
internal static class ExecutionNames
{
    private const string Forbidden = "<>{}[]?*\"#%\\^|~`$&,;:/";

    public static void Validate(string name)
    {
        if (name.Length is 0 or > 80 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || Forbidden.Contains(c, StringComparison.Ordinal)))
            throw new StatesApiException("InvalidName", $"Invalid Name: '{name}'");
    }
}
