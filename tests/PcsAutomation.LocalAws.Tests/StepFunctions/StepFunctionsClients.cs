using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.LocalAws.Tests.Integration;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

/// <summary>The product's AmazonStepFunctionsClient against the emulator; state machines are created in process (the client has no CreateStateMachine).</summary>
internal sealed class StepFunctionsClients : IAsyncDisposable
{
    private StepFunctionsClients(ProductClients clients)
    {
        Clients = clients;
        Sfn = new AmazonStepFunctionsClient(clients.Factory.CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse));
    }

    public ProductClients Clients { get; }
    public LocalAws Aws => Clients.Aws;
    public AmazonStepFunctionsClient Sfn { get; }

    public static async Task<StepFunctionsClients> StartAsync(PcsAutomation.LocalAws.Scenarios.Scenario? scenario = null) => new(await ProductClients.StartAsync(scenario));

    public string CreateStateMachine(string name, string definition) =>
        Aws.Call("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = $"arn:aws:iam::{Aws.Options.AccountId}:role/sfn",
        })["stateMachineArn"]!.GetValue<string>();

    public async Task<DescribeExecutionResponse> RunAsync(string executionArn)
    {
        await Aws.StepFunctions.RunExecutionToCompletionAsync(executionArn, TimeSpan.FromDays(1));
        return await Sfn.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
    }

    public ValueTask DisposeAsync() => Clients.DisposeAsync();
}
