using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>
/// Task resources the emulator runs: the optimized <c>arn:aws:states:::lambda:invoke</c> (with FunctionName and
/// Payload parameters, result wrapped as <c>{"Payload":...,"StatusCode":200}</c>) and plain Lambda function ARNs
/// (the effective input is the payload, the function's response the result), each optionally <c>.waitForTaskToken</c>.
/// A function error fails the state with the error type as Error and the error JSON as Cause, as AWS does.
/// </summary>
/// <param name="lambda">The emulator's Lambda host, asked for at the first call (it is created on demand).</param>
public sealed class LambdaTaskInvoker(Func<Lambda.LambdaHost> lambda) : ITaskInvoker
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";

    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var optimized = invocation.BaseResource == LambdaInvoke;
        if (!optimized && !invocation.BaseResource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
            return TaskOutcome.Failed("States.Runtime", $"The emulator does not run the resource '{invocation.Resource}'.");
        string function;
        JsonNode? payload;
        if (optimized)
        {
            function = invocation.Parameters?["FunctionName"]?.GetValue<string>() ?? "";
            payload = invocation.Parameters?["Payload"];
        }
        else
        {
            function = invocation.BaseResource;
            payload = invocation.Parameters;
        }
        Lambda.LambdaInvocationResult result;
        try
        {
            result = await lambda().InvokeForEngineAsync(FunctionName(function), payload?.ToJsonString() ?? "{}", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            return TaskOutcome.Failed("Lambda." + error.Code, error.Message);
        }
        if (result.Error is { } failure)
        {
            var cause = new JsonObject { ["errorMessage"] = failure.ErrorMessage, ["errorType"] = failure.ErrorType };
            return TaskOutcome.Failed(failure.ErrorType, cause.ToJsonString());
        }
        var response = Parse(result.Payload);
        return optimized
            ? TaskOutcome.Success(new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = response, ["StatusCode"] = 200 })
            : TaskOutcome.Success(response);
    }

    /// <summary>A name, a function ARN <c>arn:aws:lambda:region:account:function:name[:qualifier]</c>, or a partial ARN.</summary>
    public static string FunctionName(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        var parts = nameOrArn.Split(':');
        var index = Array.IndexOf(parts, "function");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : parts[0];
    }

    private static JsonNode? Parse(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}
