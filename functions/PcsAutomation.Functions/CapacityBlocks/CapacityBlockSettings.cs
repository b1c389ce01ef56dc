using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// The expiry's settings from the Lambda environment the template sets (stack parameters CapacityBlockExpiryLeadMinutes,
/// CapacityBlockHorizonHours, CapacityBlockRotationMarginMinutes), read once at init into
/// <see cref="CapacityBlockExpiryOptions"/>. An unset or empty variable is the option's default (CloudFormation passes
/// empty strings for blank parameters); a value that is not a whole number, or that the options refuse, stops the
/// function at init with a message naming the variable.
/// </summary>
internal static class CapacityBlockSettings
{
    public static CapacityBlockExpiryOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var lead = Whole(getVariable, EnvironmentVariables.CapacityBlockLeadMinutes, "minutes", TimeSpan.FromMinutes);
        var horizon = Whole(getVariable, EnvironmentVariables.CapacityBlockHorizonHours, "hours", TimeSpan.FromHours);
        var margin = Whole(getVariable, EnvironmentVariables.CapacityBlockRotationMarginMinutes, "minutes", TimeSpan.FromMinutes);
        try
        {
            return new CapacityBlockExpiryOptions(lead, horizon, margin);
        }
        catch (ArgumentOutOfRangeException e)
        {
            var variable = e.ParamName switch
            {
                nameof(CapacityBlockExpiryOptions.Lead) => EnvironmentVariables.CapacityBlockLeadMinutes,
                nameof(CapacityBlockExpiryOptions.Horizon) => EnvironmentVariables.CapacityBlockHorizonHours,
                nameof(CapacityBlockExpiryOptions.RotationMargin) => EnvironmentVariables.CapacityBlockRotationMarginMinutes,
                _ => e.ParamName,
            };
            throw new InvalidOperationException($"{variable}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    private static TimeSpan? Whole(Func<string, string?> getVariable, string variable, string unitName, Func<double, TimeSpan> unit)
    {
        var text = getVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? unit(value)
            : throw new InvalidOperationException($"{variable} is '{text}': it must be a whole number of {unitName}.");
    }
}
