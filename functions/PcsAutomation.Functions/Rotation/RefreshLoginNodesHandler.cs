using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary><c>RefreshLoginNodes</c> input: <paramref name="LoginInstances"/> is the plan's BYO login instances of the cluster.</summary>
internal sealed record RefreshLoginNodesInput(string? ClusterId, string? ExecutionArn, string? SecretArn, IReadOnlyList<string>? LoginInstances);

/// <summary>The Run Command command sent (null when there was no login node), and where.</summary>
internal sealed record RefreshLoginNodesOutput(string? CommandId, IReadOnlyList<string> InstanceIds);

/// <summary>
/// <c>RefreshLoginNodes</c>: installs the new key on the cluster's bring-your-own login nodes and restarts sackd,
/// through SSM Run Command (<see cref="LoginNodeKeyScript"/>). <c>CheckLoginNodes</c> follows the command.
/// </summary>
[LambdaFunction(Policies = "@RefreshLoginNodesRunCommandPolicy")]
internal sealed class RefreshLoginNodesHandler(IAmazonSimpleSystemsManagement ssm, string region)
{
    /// <summary>SendCommand's limit on InstanceIds.</summary>
    public const int MaxInstances = 50;

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new RefreshLoginNodesHandler(services.Aws.CreateSsm(), services.Aws.Region);
        return HandlerWrapper.Create(handler.HandleAsync,
            RotationJsonContext.Strict.RefreshLoginNodesInput, RotationJsonContext.Strict.RefreshLoginNodesOutput);
    }

    public async Task<RefreshLoginNodesOutput> HandleAsync(RefreshLoginNodesInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        WorkflowInput.ExecutionArn(input.ExecutionArn);
        var secretArn = RotationInput.SecretArn(input.SecretArn);
        var instances = RotationInput.InstanceIds(input.LoginInstances, "loginInstances");
        using var scope = context.Logger.BeginScope("clusterId", clusterId);
        if (instances.Count == 0)
        {
            context.Logger.LogInformation("No bring-your-own login node: nothing to refresh");
            return new RefreshLoginNodesOutput(null, []);
        }
        if (instances.Count > MaxInstances)
            throw new InvalidWorkflowInput($"The input's 'loginInstances' names {instances.Count} instances; one Run Command reaches at most {MaxInstances}.");

        // No client token exists for SendCommand: a re-run sends the script again, which only installs the same key again.
        var response = await AwsCalls.RunAsync("SSM.SendCommand", clusterId, () => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [.. instances],
            Comment = $"pcs-automation: new Slurm key for cluster {clusterId}",
            Parameters = new Dictionary<string, List<string>>
            {
                ["commands"] = [.. LoginNodeKeyScript.Commands(secretArn, region)],
                ["executionTimeout"] = ["600"],
            },
            TimeoutSeconds = 600,
        }, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);

        var commandId = response.Command.CommandId;
        context.Logger.LogInformation($"Run Command {commandId} installs the new key on {instances.Count} login node(s): {string.Join(", ", instances)}");
        return new RefreshLoginNodesOutput(commandId, instances);
    }
}
