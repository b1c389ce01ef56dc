namespace PcsAutomation.Domain.Configuration;

/// <summary>Lambda environment variables set by the stack (template parameters).</summary>
public static class EnvironmentVariables
{
    public const string ManagedTagKey = "PCS_AUTOMATION_MANAGED_TAG_KEY";
    public const string MaintenanceWindow = "PCS_AUTOMATION_MAINTENANCE_WINDOW";
    public const string RotationMaxAge = "PCS_AUTOMATION_ROTATION_MAX_AGE";
    public const string ByoLoginTagKey = "PCS_AUTOMATION_BYO_LOGIN_TAG_KEY";
    public const string LeaseTable = "PCS_AUTOMATION_LEASE_TABLE";
    public const string RotationStateMachineArn = "PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN";
    public const string LeaseSeconds = "PCS_AUTOMATION_LEASE_SECONDS";
    public const string StackName = "PCS_AUTOMATION_STACK_NAME";
    public const string StrictRotationVerification = "PCS_AUTOMATION_STRICT_ROTATION_VERIFICATION";
    public const string RotationNoticeLeadTime = "PCS_AUTOMATION_ROTATION_NOTICE_LEAD_TIME";
    public const string NoticeStateMachineArn = "PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN";
    public const string NodeGroupUpdateStateMachineArn = "PCS_AUTOMATION_NODE_GROUP_UPDATE_STATE_MACHINE_ARN";

    /// <summary>How many minutes before a Capacity Block's end the expiry acts (stack parameter CapacityBlockExpiryLeadMinutes).</summary>
    public const string CapacityBlockLeadMinutes = "PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES";

    /// <summary>The expiry state machine the Capacity Block triggers start.</summary>
    public const string CapacityBlockExpiryStateMachineArn = "PCS_AUTOMATION_CAPACITY_BLOCK_EXPIRY_STATE_MACHINE_ARN";

    /// <summary>The reconciler's horizon in hours (stack parameter CapacityBlockHorizonHours).</summary>
    public const string CapacityBlockHorizonHours = "PCS_AUTOMATION_CAPACITY_BLOCK_HORIZON_HOURS";

    /// <summary>Stack parameter SlurmRestSubnetIds as given (comma-separated subnet ids, or empty): JobProtection.SlurmRestNetwork.</summary>
    public const string SlurmRestSubnetIds = "PCS_AUTOMATION_SLURM_REST_SUBNET_IDS";

    /// <summary>Stack parameter SlurmRestSecurityGroupId as given (a security group id, or empty): JobProtection.SlurmRestNetwork.</summary>
    public const string SlurmRestSecurityGroupId = "PCS_AUTOMATION_SLURM_REST_SECURITY_GROUP_ID";

    /// <summary>The rotation's margin before an expiry acts, in minutes (stack parameter CapacityBlockRotationMarginMinutes).</summary>
    public const string CapacityBlockRotationMarginMinutes = "PCS_AUTOMATION_CAPACITY_BLOCK_ROTATION_MARGIN_MINUTES";
}
