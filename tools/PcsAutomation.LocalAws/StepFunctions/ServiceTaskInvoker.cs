using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Host;
using PcsAutomation.LocalAws.Sns;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>
/// The Task resources that call emulated services, in front of the Lambda invoker (which keeps every Lambda
/// resource and answers anything else with States.Runtime):
/// the optimized integrations <c>sns:publish</c>, <c>events:putEvents</c>, <c>dynamodb:putItem|getItem|updateItem|deleteItem</c>,
/// <c>states:startExecution</c> (plain, <c>.sync</c>, <c>.sync:2</c>) and <c>aws-sdk:&lt;service&gt;:&lt;action&gt;</c>
/// (see <see cref="AwsSdkServices"/>). Every call goes through <see cref="LocalAws.Execute"/>, so faults, CloudTrail
/// and the call log see it as they would a call from Step Functions in AWS. Errors are named as Step Functions
/// names them: <c>SNS.NotFoundException</c>, <c>DynamoDB.ConditionalCheckFailedException</c>,
/// <c>SecretsManager.ResourceNotFoundException</c>...
/// </summary>
public sealed class ServiceTaskInvoker(LocalAws host, ITaskInvoker next) : ITaskInvoker
{
    private const string Optimized = "arn:aws:states:::";
    private const string AwsSdk = "arn:aws:states:::aws-sdk:";

    /// <summary>Who Step Functions calls services as: CloudTrail shows the service principal as source and agent.</summary>
    private const string Principal = "states.amazonaws.com";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> children = new(StringComparer.Ordinal);

    /// <summary>Executions started by <c>states:startExecution</c> from <paramref name="parentExecutionArn"/>, in order.</summary>
    public IReadOnlyList<string> ChildExecutions(string parentExecutionArn) =>
        children.TryGetValue(parentExecutionArn, out var list) ? [.. list] : [];

    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var resource = invocation.BaseResource;
        if (resource.StartsWith(AwsSdk, StringComparison.Ordinal))
            return AwsSdkCall(invocation, resource[AwsSdk.Length..]);
        return resource switch
        {
            Optimized + "sns:publish" => SnsPublish(invocation),
            Optimized + "events:putEvents" => PutEvents(invocation),
            Optimized + "dynamodb:putItem" => DynamoDb(invocation, "PutItem"),
            Optimized + "dynamodb:getItem" => DynamoDb(invocation, "GetItem"),
            Optimized + "dynamodb:updateItem" => DynamoDb(invocation, "UpdateItem"),
            Optimized + "dynamodb:deleteItem" => DynamoDb(invocation, "DeleteItem"),
            Optimized + "states:startExecution" => await StartExecutionAsync(invocation, cancellationToken).ConfigureAwait(false),
            _ => await next.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false),
        };
    }

    private TaskOutcome SnsPublish(TaskInvocation invocation)
    {
        var request = Parameters(invocation);
        // Step Functions serializes a JSON Message for the SNS API, which takes a string
        if (request["Message"] is { } message && message.GetValueKind() != JsonValueKind.String)
            request["Message"] = message.ToJsonString();
        return Call(SnsService.SigningName, "Publish", request, error => "SNS." + JavaExceptionName(error.Code, "SNS", SnsExceptionNames), response =>
            new JsonObject { ["MessageId"] = response["MessageId"]?.DeepClone() });
    }

    private static readonly Dictionary<string, string> SnsExceptionNames = new(StringComparer.Ordinal)
    {
        ["NotFound"] = "NotFoundException",
        ["InvalidParameter"] = "InvalidParameterException",
        ["ParameterValueInvalid"] = "InvalidParameterValueException",
        ["Throttled"] = "ThrottledException",
        ["ThrottlingException"] = "ThrottledException",
        ["InternalError"] = "InternalErrorException",
        ["AuthorizationError"] = "AuthorizationErrorException",
    };

    private TaskOutcome PutEvents(TaskInvocation invocation)
    {
        var request = Parameters(invocation);
        if (request["Entries"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
            {
                // Detail may be written as a JSON object in the ASL; the API takes a string
                if (entry["Detail"] is { } detail && detail.GetValueKind() != JsonValueKind.String)
                    entry["Detail"] = detail.ToJsonString();
                // "The execution ARN and the state machine ARN are automatically appended to the Resources field of
                // each PutEventsRequestEntry" (Step Functions developer guide, connect-eventbridge)
                var resources = entry["Resources"] as JsonArray ?? [];
                resources.Add(invocation.ExecutionArn);
                resources.Add(invocation.StateMachineArn);
                entry["Resources"] = resources;
            }
        }
        var outcome = Call("events", "PutEvents", request, error => "EventBridge." + JavaExceptionName(error.Code, "EventBridge", null), response => response);
        if (outcome.Succeeded && outcome.Output?["FailedEntryCount"]?.GetValue<int>() is > 0)
        {
            // an entry EventBridge refused fails the task, with the response as the cause
            return TaskOutcome.Failed("EventBridge.FailedEntry", outcome.Output.ToJsonString());
        }
        return outcome;
    }

    private TaskOutcome DynamoDb(TaskInvocation invocation, string operation) =>
        Call("dynamodb", operation, Parameters(invocation),
            error => "DynamoDB." + JavaExceptionName(error.Code, "DynamoDB", DynamoExceptionNames), response => response);

    /// <summary>DynamoDB's modelled errors keep their names; the unmodelled ValidationException is the SDK's base exception.</summary>
    private static readonly Dictionary<string, string> DynamoExceptionNames = new(StringComparer.Ordinal)
    {
        ["ValidationException"] = "AmazonDynamoDBException",
        ["SerializationException"] = "AmazonDynamoDBException",
        ["ThrottlingException"] = "AmazonDynamoDBException",
        ["InternalFailure"] = "InternalServerErrorException",
    };

    private async Task<TaskOutcome> StartExecutionAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = Parameters(invocation);
        var request = new JsonObject();
        if (parameters["StateMachineArn"] is { } machine) request["stateMachineArn"] = machine.DeepClone();
        if (parameters["Name"] is { } name) request["name"] = name.DeepClone();
        // Input may be a JSON value in the ASL; the API takes a string
        if (parameters["Input"] is { } input)
            request["input"] = input.GetValueKind() == JsonValueKind.String ? input.GetValue<string>() : input.ToJsonString();
        var started = Call(StepFunctionsService.SigningName, "StartExecution", request,
            error => "StepFunctions." + JavaExceptionName(error.Code, "AWSStepFunctions", null), response => response);
        if (!started.Succeeded) return started;
        var childArn = started.Output!["executionArn"]!.GetValue<string>();
        children.GetOrAdd(invocation.ExecutionArn, _ => new ConcurrentQueue<string>()).Enqueue(childArn);
        var engine = host.StepFunctions.Engine;
        var child = engine.GetExecution(childArn);
        if (invocation.Pattern != IntegrationPattern.Sync)
        {
            return TaskOutcome.Success(new JsonObject
            {
                ["ExecutionArn"] = childArn,
                ["StartDate"] = EpochMillis(child.StartDate),
            });
        }
        try
        {
            await engine.WaitForExecutionAsync(child, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the parent's Task timed out or the parent stopped: Step Functions stops the child it waits for
            engine.StopExecution(childArn);
            throw;
        }
        var described = Described(child, parseData: invocation.Resource.EndsWith(".sync:2", StringComparison.Ordinal));
        // a child that did not succeed fails the parent's Task with States.TaskFailed, its description as the cause
        return child.Status == ExecutionStatus.Succeeded
            ? TaskOutcome.Success(described)
            : TaskOutcome.Failed("States.TaskFailed", described.ToJsonString());
    }

    /// <summary>DescribeExecution in Step Functions' PascalCase; <c>.sync:2</c> gives Input and Output as JSON, <c>.sync</c> as strings.</summary>
    private static JsonObject Described(Execution child, bool parseData)
    {
        var result = new JsonObject
        {
            ["ExecutionArn"] = child.Arn,
            ["Input"] = Data(child.Input, parseData),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = child.Name,
            ["StartDate"] = EpochMillis(child.StartDate),
            ["StateMachineArn"] = child.StateMachineArn,
            ["Status"] = child.Status.ToApiName(),
        };
        if (child.Output is { } output)
        {
            result["Output"] = Data(output, parseData);
            result["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        if (child.Error is { } error) result["Error"] = error;
        if (child.Cause is { } cause) result["Cause"] = cause;
        if (child.StopDate is { } stop) result["StopDate"] = EpochMillis(stop);
        return result;
    }

    private static JsonNode? Data(string text, bool parse)
    {
        if (!parse) return text;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static long EpochMillis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private TaskOutcome AwsSdkCall(TaskInvocation invocation, string serviceAndAction)
    {
        var colon = serviceAndAction.IndexOf(':', StringComparison.Ordinal);
        var serviceName = colon > 0 ? serviceAndAction[..colon] : serviceAndAction;
        var action = colon > 0 ? serviceAndAction[(colon + 1)..] : "";
        if (AwsSdkServices.Find(serviceName) is not { } service || action.Length == 0)
            return TaskOutcome.Failed("States.Runtime",
                $"The emulator does not serve the resource '{invocation.Resource}' (aws-sdk services here: {string.Join(", ", AwsSdkServices.All.Select(s => s.ResourceName))}).");
        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        var request = service.ToService(Parameters(invocation)) as JsonObject ?? [];
        return Call(service.SigningName, operation, request,
            error => service.ErrorPrefix + "." + ExceptionName(
                // EC2 names throttling RequestLimitExceeded, as its query endpoint answers (injected faults use the generic code)
                service.SigningName == "ec2" && error.Code == "ThrottlingException" ? "RequestLimitExceeded" : error.Code),
            response => service.FromService(response));
    }

    /// <summary>AWS SDK integrations: the error code with the Exception suffix Step Functions always uses.</summary>
    private static string ExceptionName(string code)
    {
        var name = code.Replace(".", "", StringComparison.Ordinal);
        if (name.Length > 0) name = char.ToUpperInvariant(name[0]) + name[1..];
        return name.EndsWith("Exception", StringComparison.Ordinal) ? name : name + "Exception";
    }

    /// <summary>Optimized integrations report the Java SDK's exception class; unmodelled codes are the service's base exception.</summary>
    private static string JavaExceptionName(string code, string service, Dictionary<string, string>? names) =>
        names?.GetValueOrDefault(code) ?? (code.EndsWith("Exception", StringComparison.Ordinal) && code != "ValidationException" ? code : "Amazon" + service + "Exception");

    private static JsonObject Parameters(TaskInvocation invocation) =>
        invocation.Parameters?.DeepClone() as JsonObject ?? [];

    private TaskOutcome Call(string signingName, string operation, JsonObject request, Func<AwsServiceException, string> errorName, Func<JsonNode, JsonNode?> result)
    {
        var service = host.Services.FindBySigningName(signingName);
        if (service is null)
            return TaskOutcome.Failed("States.Runtime", $"The emulator does not serve {signingName}.");
        try
        {
            var response = host.Execute(service, operation, request,
                new CallerContext(Guid.NewGuid().ToString(), host.Options.Credentials.Keys.FirstOrDefault(), Principal, Principal));
            return TaskOutcome.Success(result(response));
        }
        catch (AwsServiceException error)
        {
            return TaskOutcome.Failed(errorName(error), error.Message);
        }
    }
}
