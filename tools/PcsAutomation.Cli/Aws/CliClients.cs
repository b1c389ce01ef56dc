using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Events;

namespace PcsAutomation.Cli.Aws;

/// <summary>The product's clients the CLI uses, from one factory (same region, credentials and endpoints).</summary>
public sealed class CliClients(AwsClientFactory factory) : IDisposable
{
    public AwsClientFactory Factory { get; } = factory;

    public IAmazonPCS Pcs { get; } = new AmazonPCSClient(factory.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));

    public IAmazonStepFunctions StepFunctions { get; } =
        new AmazonStepFunctionsClient(factory.CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse));

    /// <summary>Step Functions operations the product's client does not model (ListStateMachines), over the same transport.</summary>
    public IAwsJsonInvoker StepFunctionsInvoker { get; } =
        factory.CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse);

    public EventBridgeClient EventBridge { get; } = new(factory.CreateJsonInvoker(EventBridgeClient.ServiceMetadata, error => error.ToServiceException()));

    public void Dispose() => Factory.Dispose();
}
