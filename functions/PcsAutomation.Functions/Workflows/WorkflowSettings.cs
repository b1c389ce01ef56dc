using System.Globalization;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Functions.Workflows;

/// <summary>The workflow steps' settings, from the Lambda environment the template sets; read once at init.</summary>
/// <param name="LeaseTable">The lease table's name (<c>PCS_AUTOMATION_LEASE_TABLE</c>). Required by every step that reads or writes the lease.</param>
/// <param name="LeaseDuration">How long a lease lasts (<c>PCS_AUTOMATION_LEASE_SECONDS</c>, default 14400 s: longer than any workflow).</param>
internal sealed record WorkflowSettings(string LeaseTable, TimeSpan LeaseDuration)
{
    public const string LeaseTableVariable = EnvironmentVariables.LeaseTable;
    public const string LeaseSecondsVariable = EnvironmentVariables.LeaseSeconds;
    public const int DefaultLeaseSeconds = 14400;

    /// <summary>Fails at init (an init error names the variable) rather than at the first run.</summary>
    public static WorkflowSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var table = getVariable(LeaseTableVariable);
        if (string.IsNullOrWhiteSpace(table))
            throw new InvalidOperationException($"{LeaseTableVariable} is not set: the workflow steps need the lease table's name.");
        var secondsText = getVariable(LeaseSecondsVariable);
        var seconds = DefaultLeaseSeconds;
        if (!string.IsNullOrWhiteSpace(secondsText) &&
            (!int.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds < 60))
            throw new InvalidOperationException($"{LeaseSecondsVariable} is '{secondsText}': it must be a whole number of seconds, at least 60.");
        return new WorkflowSettings(table.Trim(), TimeSpan.FromSeconds(seconds));
    }
}
