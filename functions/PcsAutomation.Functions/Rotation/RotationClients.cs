using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Functions.Hosting;

namespace PcsAutomation.Functions.Rotation;

/// <summary>The clients and tables the rotation handlers are built with, all from the process's one <c>AwsClientFactory</c>.</summary>
internal static class RotationClients
{
    public static AmazonPCSClient Pcs(FunctionServices services) =>
        new(services.Aws.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));

    public static AmazonSecretsManagerClient SecretsManager(FunctionServices services) =>
        new(services.Aws.CreateJsonInvoker(AmazonSecretsManagerClient.ServiceMetadata, AmazonSecretsManagerException.FromErrorResponse));

    public static AmazonStepFunctionsClient StepFunctions(FunctionServices services) =>
        new(services.Aws.CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse));

    public static ClusterReader Reader(FunctionServices services) => new(Pcs(services), services.Aws.CreateEc2());

    public static ClusterLeaseTable LeaseTable(FunctionServices services)
    {
        var settings = RotationSettings.FromEnvironment(services.GetVariable);
        return new ClusterLeaseTable(services.Aws.CreateDynamoDb(), settings.LeaseTable, settings.LeaseDuration, services.Time);
    }
}
