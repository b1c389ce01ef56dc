using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    /// <summary>TaskScheduled + TaskStarted, or LambdaFunctionScheduled + LambdaFunctionStarted for a plain function ARN.</summary>
    private void TaskScheduled(Frame frame, TaskResource resource, JsonNode? parameters, int? timeout, int? heartbeat)
    {
        if (resource.IsLambdaFunctionArn)
        {
            Event(frame, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", new JsonObject
            {
                ["resource"] = resource.Arn,
                ["input"] = JsonValues.ToJson(parameters),
                ["timeoutInSeconds"] = timeout,
            });
            Event(frame, "LambdaFunctionStarted", null, null);
            return;
        }

        Event(frame, "TaskScheduled", "taskScheduledEventDetails", new JsonObject
        {
            ["resourceType"] = resource.ResourceType,
            ["resource"] = resource.ResourceName,
            ["region"] = engine.Options.Region,
            ["parameters"] = JsonValues.ToJson(parameters),
            ["timeoutInSeconds"] = timeout,
            ["heartbeatInSeconds"] = heartbeat,
        });
        Event(frame, "TaskStarted", "taskStartedEventDetails", new JsonObject
        {
            ["resourceType"] = resource.ResourceType,
            ["resource"] = resource.ResourceName,
        });
    }

    /// <summary>TaskSucceeded / TaskFailed / TaskTimedOut (or their LambdaFunction* forms).</summary>
    private void TaskEnded(Frame frame, TaskResource resource, TaskOutcome outcome)
    {
        var timedOut = outcome.Error is StatesErrorNames.Timeout or StatesErrorNames.HeartbeatTimeout;
        var kind = outcome.Succeeded ? "Succeeded" : timedOut ? "TimedOut" : "Failed";
        var prefix = resource.IsLambdaFunctionArn ? "LambdaFunction" : "Task";
        var details = outcome.Succeeded
            ? new JsonObject { ["output"] = JsonValues.ToJson(outcome.Output), ["outputDetails"] = new JsonObject { ["truncated"] = false } }
            : new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause };
        if (!resource.IsLambdaFunctionArn)
        {
            details["resourceType"] = resource.ResourceType;
            details["resource"] = resource.ResourceName;
        }

        var detailsName = char.ToLowerInvariant(prefix[0]) + prefix[1..] + kind + "EventDetails";
        Event(frame, prefix + kind, detailsName, details);
    }
}
