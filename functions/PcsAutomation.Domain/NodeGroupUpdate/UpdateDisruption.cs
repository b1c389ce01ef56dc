using System.Globalization;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>What users of a group see during its update, in words for the plan and the notifications.</summary>
public static class UpdateDisruption
{
    public static string For(bool isLogin, int instancesRunning, string change, string? launchTemplateId, int? latestVersion)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = instancesRunning switch
        {
            0 => "No instance runs: instances launched after the update use the new image (guide L2659).",
            _ when isLogin => Count(instancesRunning, "login instance") +
                " will be replaced: interactive sessions and processes on them are cut; running and queued Slurm jobs are not affected (guide L3884).",
            _ => Count(instancesRunning, "running instance") + (instancesRunning == 1 ? " is" : " are") +
                " only marked for replacement and replaced once idle: running jobs finish first (guide L2667). " +
                "The group is ACTIVE again as soon as they are marked, before any is replaced.",
        };
        if (change == ImageChanges.NewLaunchTemplateVersion)
            text += string.Create(CultureInfo.InvariantCulture,
                $" Creates version {(latestVersion is { } latest ? (latest + 1).ToString(CultureInfo.InvariantCulture) : "(next)")} of launch template {launchTemplateId}: every update adds one, and EC2 caps versions per template (guide L10924-10934).");
        return text;
    }

    private static string Count(int count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {what}{(count == 1 ? "" : "s")}");
}
