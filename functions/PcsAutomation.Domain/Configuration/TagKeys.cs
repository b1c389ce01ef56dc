namespace PcsAutomation.Domain.Configuration;

public static class TagKeys
{
    public const string DefaultManaged = "pcs-automation:managed";
    public const string MaintenanceWindow = "pcs-automation:maintenance-window";
    public const string RotationMaxAge = "pcs-automation:rotation-max-age";
    public const string ByoLoginTag = "pcs-automation:byo-login-tag";
    public const string DefaultByoLoginTagKey = "pcs-automation:byo-login-for";
    public const string PcsClusterId = "aws:pcs:cluster-id";
}
