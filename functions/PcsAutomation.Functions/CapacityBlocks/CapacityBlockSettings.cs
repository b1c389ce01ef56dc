using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>The expiry's options from the Lambda environment the template sets; read once at init.</summary>
internal static class CapacityBlockSettings
{
    public const string LeadMinutesVariable = EnvironmentVariables.CapacityBlockLeadMinutes;

    /// <summary>
    /// <see cref="CapacityBlockExpiryOptions"/> with the lead from <c>PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES</c>
    /// (unset: 90 minutes); a value that is not a whole number of minutes in range fails at init, naming the variable.
    /// </summary>
    public static CapacityBlockExpiryOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var text = getVariable(LeadMinutesVariable);
        if (string.IsNullOrWhiteSpace(text))
            return new CapacityBlockExpiryOptions();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            throw new InvalidOperationException($"{LeadMinutesVariable} is '{text}': it must be a whole number of minutes.");
        try
        {
            return new CapacityBlockExpiryOptions(lead: TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"{LeadMinutesVariable} is '{text}': {e.Message}", e);
        }
    }
}
