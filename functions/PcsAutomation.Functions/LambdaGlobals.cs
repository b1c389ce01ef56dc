using PcsAutomation.Domain.Configuration;
using PcsAutomation.Lambda.Annotations;

// What every function shares, as template.yaml's Globals.Function says it (a test compares the two: Template.Tests,
// Template/FunctionDescriptionDriftTests). Each handler's [LambdaFunction] adds to or overrides these.
[assembly: LambdaGlobalProperties(
    Runtime = "provided.al2023",
    MemorySize = 256,
    Timeout = 30,
    Environment = [
        EnvironmentVariables.StackName,
        EnvironmentVariables.ManagedTagKey,
        EnvironmentVariables.MaintenanceWindow,
        EnvironmentVariables.RotationMaxAge,
        EnvironmentVariables.ByoLoginTagKey,
        EnvironmentVariables.LeaseTable,
        EnvironmentVariables.LeaseSeconds,
        EnvironmentVariables.StrictRotationVerification,
        EnvironmentVariables.RotationNoticeLeadTime,
        EnvironmentVariables.CapacityBlockLeadMinutes,
        EnvironmentVariables.CapacityBlockHorizonHours,
        EnvironmentVariables.CapacityBlockRotationMarginMinutes,
        EnvironmentVariables.SlurmRestSubnetIds,
        EnvironmentVariables.SlurmRestSecurityGroupId,
    ])]
