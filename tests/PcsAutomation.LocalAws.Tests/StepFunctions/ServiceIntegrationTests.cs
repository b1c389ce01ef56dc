using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.LocalAws.DynamoDb;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

/// <summary>Each optimized and AWS SDK integration through a real state machine started with the Step Functions API.</summary>
public sealed class ServiceIntegrationTests
{
    private static async Task<(DescribeExecutionResponse Described, string Arn)> RunAsync(StepFunctionsClients sfn, string name, string definition, string input = "{}")
    {
        var machine = sfn.CreateStateMachine(name, definition);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Input = input });
        return (await sfn.RunAsync(started.ExecutionArn), started.ExecutionArn);
    }

    private static JsonNode Output(DescribeExecutionResponse described) => JsonNode.Parse(described.Output!)!;

    /// <summary>One Task with its parameters, whose error (if any) is caught into $.error.</summary>
    private static string OneTask(string resource, string parameters) => $$"""
        {
          "StartAt": "Call",
          "States": {
            "Call": { "Type": "Task", "Resource": "{{resource}}", "Parameters": {{parameters}}, "ResultPath": "$.result",
                      "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught" } ], "End": true },
            "Caught": { "Type": "Pass", "End": true }
          }
        }
        """;

    [Fact]
    public async Task SnsPublish_JsonMessageAndAttributes_RecordedSerializedAndMessageIdReturned()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var topic = sfn.Aws.Sns.CreateTopic("rotation");

        var (described, _) = await RunAsync(sfn, "notify", OneTask("arn:aws:states:::sns:publish", $$"""
            { "TopicArn": "{{topic}}", "Subject": "Rotation started", "Message": { "clusterId.$": "$.clusterId", "step": "start" },
              "MessageAttributes": { "kind": { "DataType": "String", "StringValue": "started" } } }
            """), """{"clusterId":"pcs_abc"}""");

        var message = Assert.Single(sfn.Aws.Sns.MessagesTo(topic));
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal(message.MessageId, Output(described)["result"]!["MessageId"]!.GetValue<string>());
        Assert.Equal("""{"clusterId":"pcs_abc","step":"start"}""", message.Message);
        Assert.Equal("Rotation started", message.Subject);
        Assert.Equal("started", message.MessageAttributes["kind"].StringValue);
    }

    [Fact]
    public async Task SnsPublish_UnknownTopic_FailsWithSnsNotFoundException()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var missing = $"arn:aws:sns:{sfn.Aws.Options.Region}:{sfn.Aws.Options.AccountId}:nope";

        var (described, _) = await RunAsync(sfn, "notify", OneTask("arn:aws:states:::sns:publish", $$"""{ "TopicArn": "{{missing}}", "Message": "hi" }"""));

        Assert.Equal("SNS.NotFoundException", Output(described)["error"]!["Error"]!.GetValue<string>());
        Assert.Empty(sfn.Aws.Sns.Messages);
    }

    [Fact]
    public async Task EventsPutEvents_DetailObject_PublishedOnBusAndMatchedByRule()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        sfn.Aws.Call("events", "PutRule", new JsonObject
        {
            ["Name"] = "rotations",
            ["EventPattern"] = """{"source":["pcs-automation"],"detail-type":["PCS Cluster Secret Rotation Started"],"detail":{"clusterId":["pcs_abc"]}}""",
        });
        sfn.Aws.Call("events", "PutTargets", (JsonObject)JsonNode.Parse($$"""
            {"Rule":"rotations","Targets":[{"Id":"q","Arn":"arn:aws:sqs:{{sfn.Aws.Options.Region}}:{{sfn.Aws.Options.AccountId}}:ops"}]}
            """)!);

        var (described, arn) = await RunAsync(sfn, "events", OneTask("arn:aws:states:::events:putEvents", """
            { "Entries": [ { "Source": "pcs-automation", "DetailType": "PCS Cluster Secret Rotation Started", "EventBusName": "default",
                             "Detail": { "clusterId.$": "$.clusterId" } } ] }
            """), """{"clusterId":"pcs_abc"}""");

        var result = Output(described)["result"]!;
        var delivery = Assert.Single(sfn.Aws.Deliveries, d => d.Rule.Name == "rotations");
        Assert.Equal(0, result["FailedEntryCount"]!.GetValue<int>());
        Assert.Equal(delivery.Event["id"]!.GetValue<string>(), result["Entries"]![0]!["EventId"]!.GetValue<string>());
        Assert.Equal("pcs_abc", delivery.Event["detail"]!["clusterId"]!.GetValue<string>());
        var resources = delivery.Event["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(arn, resources);
        Assert.Contains(arn[..arn.IndexOf(":execution:", StringComparison.Ordinal)] + ":stateMachine:events", resources);
    }

    [Fact]
    public async Task EventsPutEvents_EntryRefused_FailsWithFailedEntry()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var (described, _) = await RunAsync(sfn, "events", OneTask("arn:aws:states:::events:putEvents",
            """{ "Entries": [ { "Source": "pcs-automation", "DetailType": "x", "Detail": "not json" } ] }"""));

        Assert.Equal("EventBridge.FailedEntry", Output(described)["error"]!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task DynamoDb_PutGetUpdateDelete_ItemFollowsAndConditionFailureIsNamed()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        sfn.Aws.DynamoDb.CreateTable("leases", new KeyElement("clusterId", "S"));
        var definition = """
            {
              "StartAt": "Put",
              "States": {
                "Put": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "ResultPath": null, "Next": "Update",
                         "Parameters": { "TableName": "leases", "Item": { "clusterId": { "S.$": "$.clusterId" }, "owner": { "S": "a" } },
                                         "ConditionExpression": "attribute_not_exists(clusterId)" } },
                "Update": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "ResultPath": "$.updated", "Next": "Get",
                            "Parameters": { "TableName": "leases", "Key": { "clusterId": { "S.$": "$.clusterId" } },
                                            "UpdateExpression": "SET #owner = :b", "ExpressionAttributeNames": { "#owner": "owner" },
                                            "ExpressionAttributeValues": { ":b": { "S": "b" } }, "ReturnValues": "ALL_NEW" } },
                "Get": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "ResultPath": "$.got", "Next": "PutAgain",
                         "Parameters": { "TableName": "leases", "Key": { "clusterId": { "S.$": "$.clusterId" } } } },
                "PutAgain": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "ResultPath": null, "Next": "Delete",
                              "Parameters": { "TableName": "leases", "Item": { "clusterId": { "S.$": "$.clusterId" } },
                                              "ConditionExpression": "attribute_not_exists(clusterId)" },
                              "Catch": [ { "ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "ResultPath": "$.error", "Next": "Delete" } ] },
                "Delete": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:deleteItem", "ResultPath": null, "End": true,
                            "Parameters": { "TableName": "leases", "Key": { "clusterId": { "S.$": "$.clusterId" } } } }
              }
            }
            """;

        var (described, _) = await RunAsync(sfn, "lease", definition, """{"clusterId":"pcs_abc"}""");

        var output = Output(described);
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("b", output["updated"]!["Attributes"]!["owner"]!["S"]!.GetValue<string>());
        Assert.Equal("b", output["got"]!["Item"]!["owner"]!["S"]!.GetValue<string>());
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", output["error"]!["Error"]!.GetValue<string>());
        Assert.Equal(0, sfn.Aws.Call("dynamodb", "GetItem", (JsonObject)JsonNode.Parse("""{"TableName":"leases","Key":{"clusterId":{"S":"pcs_abc"}}}""")!)
            .AsObject().Count(p => p.Key == "Item"));
    }

    private const string Child = """
        {
          "StartAt": "Pause",
          "States": {
            "Pause": { "Type": "Wait", "Seconds": 600, "Next": "Decide" },
            "Decide": { "Type": "Choice", "Choices": [ { "Variable": "$.fail", "BooleanEquals": true, "Next": "Boom" } ], "Default": "Done" },
            "Done": { "Type": "Pass", "Parameters": { "doubled.$": "States.MathAdd($.n, $.n)" }, "End": true },
            "Boom": { "Type": "Fail", "Error": "Child.Failed", "Cause": "asked to" }
          }
        }
        """;

    private static string Parent(string childArn, string suffix) => $$"""
        {
          "StartAt": "Run",
          "States": {
            "Run": { "Type": "Task", "Resource": "arn:aws:states:::states:startExecution{{suffix}}", "ResultPath": "$.child",
                     "Parameters": { "StateMachineArn": "{{childArn}}", "Input": { "n.$": "$.n", "fail.$": "$.fail" } },
                     "Catch": [ { "ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Caught" } ], "End": true },
            "Caught": { "Type": "Pass", "End": true }
          }
        }
        """;

    [Fact]
    public async Task StartExecutionSync2_ChildWaitsOnVirtualClock_OutputParsed()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var child = sfn.CreateStateMachine("child", Child);
        var before = sfn.Aws.Clock.GetUtcNow();

        var (described, arn) = await RunAsync(sfn, "parent", Parent(child, ".sync:2"), """{"n":21,"fail":false}""");

        var result = Output(described)["child"]!;
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("SUCCEEDED", result["Status"]!.GetValue<string>());
        Assert.Equal(42, result["Output"]!["doubled"]!.GetValue<int>());
        Assert.True(sfn.Aws.Clock.GetUtcNow() - before >= TimeSpan.FromSeconds(600));
        Assert.Equal(result["ExecutionArn"]!.GetValue<string>(), Assert.Single(sfn.Aws.StepFunctions.Accounting(arn).ChildExecutionArns));
    }

    [Fact]
    public async Task StartExecutionSync_OutputIsAString()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var child = sfn.CreateStateMachine("child", Child);

        var (described, _) = await RunAsync(sfn, "parent", Parent(child, ".sync"), """{"n":2,"fail":false}""");

        var output = Output(described)["child"]!["Output"]!.GetValue<string>();
        Assert.Equal(4, JsonNode.Parse(output)!["doubled"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartExecutionSync2_ChildFails_TaskFailedWithChildErrorInCause()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var child = sfn.CreateStateMachine("child", Child);

        var (described, _) = await RunAsync(sfn, "parent", Parent(child, ".sync:2"), """{"n":2,"fail":true}""");

        var error = Output(described)["error"]!;
        var cause = JsonNode.Parse(error["Cause"]!.GetValue<string>())!;
        Assert.Equal("States.TaskFailed", error["Error"]!.GetValue<string>());
        Assert.Equal("FAILED", cause["Status"]!.GetValue<string>());
        Assert.Equal("Child.Failed", cause["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartExecution_RequestResponse_ReturnsArnWithoutWaiting()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var child = sfn.CreateStateMachine("child", Child);

        var (described, _) = await RunAsync(sfn, "parent", Parent(child, ""), """{"n":2,"fail":false}""");

        var childArn = Output(described)["child"]!["ExecutionArn"]!.GetValue<string>();
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Contains(":execution:child:", childArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsSdk_PcsAndSecretsManager_PascalCaseBothWaysAndNamedErrors()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var cluster = sfn.Aws.Call("pcs", "CreateCluster", (JsonObject)JsonNode.Parse("""
            {"clusterName":"alpha","scheduler":{"type":"SLURM","version":"25.05"},"size":"SMALL",
             "networking":{"subnetIds":["subnet-1"],"securityGroupIds":["sg-1"]},"tags":{"pcs-automation:managed":"true"}}
            """)!)["cluster"]!["id"]!.GetValue<string>();
        var definition = """
            {
              "StartAt": "Get",
              "States": {
                "Get": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:pcs:getCluster", "ResultPath": "$.cluster", "Next": "Tags",
                         "Parameters": { "ClusterIdentifier.$": "$.clusterId" } },
                "Tags": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:pcs:listTagsForResource", "ResultPath": "$.tags", "Next": "Missing",
                          "Parameters": { "ResourceArn.$": "$.cluster.Cluster.Arn" } },
                "Missing": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:pcs:getCluster", "Next": "Secret",
                             "Parameters": { "ClusterIdentifier": "pcs_nothere00" },
                             "Catch": [ { "ErrorEquals": ["Pcs.ResourceNotFoundException"], "ResultPath": "$.pcsError", "Next": "Secret" } ] },
                "Secret": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:secretsmanager:describeSecret", "End": true,
                            "Parameters": { "SecretId": "nope" },
                            "Catch": [ { "ErrorEquals": ["SecretsManager.ResourceNotFoundException"], "ResultPath": "$.secretError", "Next": "Done" } ] },
                "Done": { "Type": "Pass", "End": true }
              }
            }
            """;

        var (described, _) = await RunAsync(sfn, "sdk", definition, $$"""{"clusterId":"{{cluster}}"}""");

        var output = Output(described);
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("alpha", output["cluster"]!["Cluster"]!["Name"]!.GetValue<string>());
        Assert.Equal("SLURM", output["cluster"]!["Cluster"]!["Scheduler"]!["Type"]!.GetValue<string>());
        Assert.Equal("true", output["tags"]!["Tags"]!["pcs-automation:managed"]!.GetValue<string>()); // map keys stay as written
        Assert.Equal("Pcs.ResourceNotFoundException", output["pcsError"]!["Error"]!.GetValue<string>());
        Assert.Equal("SecretsManager.ResourceNotFoundException", output["secretError"]!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdk_SsmAndSfn_ErrorsGetExceptionSuffixAndCamelCaseServiceAnswers()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var other = sfn.CreateStateMachine("other", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var definition = $$"""
            {
              "StartAt": "Param",
              "States": {
                "Param": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ssm:getParameter", "Next": "Describe",
                           "Parameters": { "Name": "/missing" },
                           "Catch": [ { "ErrorEquals": ["Ssm.ParameterNotFoundException"], "ResultPath": "$.ssmError", "Next": "Describe" } ] },
                "Describe": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeStateMachine", "ResultPath": "$.machine", "End": true,
                              "Parameters": { "StateMachineArn": "{{other}}" } }
              }
            }
            """;

        var (described, _) = await RunAsync(sfn, "sdk", definition);

        var output = Output(described);
        Assert.Equal("Ssm.ParameterNotFoundException", output["ssmError"]!["Error"]!.GetValue<string>());
        Assert.Equal("other", output["machine"]!["Name"]!.GetValue<string>());
        Assert.Equal(other, output["machine"]!["StateMachineArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdk_MutatingCall_SeenByCloudTrailAndCallLogAsStepFunctions()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var (described, _) = await RunAsync(sfn, "sdk", OneTask("arn:aws:states:::aws-sdk:ssm:putParameter",
            """{ "Name": "/app/flag", "Value": "on", "Type": "String" }"""));

        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("on", sfn.Aws.State.Parameters["/app/flag"].Value);
        var trail = Assert.Single(sfn.Aws.CloudTrail.Events, e => e["detail"]!["eventName"]!.GetValue<string>() == "PutParameter");
        Assert.Equal("states.amazonaws.com", trail["detail"]!["userAgent"]!.GetValue<string>());
        Assert.Single(sfn.Aws.Calls.Of("ssm", "PutParameter"));
    }

    [Fact]
    public async Task AwsSdk_UnknownService_FailsWithStatesRuntime()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var (described, _) = await RunAsync(sfn, "sdk", OneTask("arn:aws:states:::aws-sdk:s3:listBuckets", "{}"));

        // States.ALL does not catch States.Runtime (States Language spec): the execution fails
        Assert.Equal(ExecutionStatus.FAILED, described.Status);
        Assert.Equal("States.Runtime", described.Error);
    }

    [Fact]
    public async Task Accounting_LambdaAndServiceTasks_CountedPerExecution()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        sfn.Aws.Lambda.Register(new Lambda.LambdaFunction("echo") { InProcess = (payload, _) => Task.FromResult(payload) });
        var topic = sfn.Aws.Sns.CreateTopic("t");
        var definition = $$"""
            {
              "StartAt": "Echo",
              "States": {
                "Echo": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "echo", "Payload.$": "$" },
                          "ResultPath": null, "Next": "Publish" },
                "Publish": { "Type": "Task", "Resource": "arn:aws:states:::sns:publish", "ResultPath": null, "Next": "Done",
                             "Parameters": { "TopicArn": "{{topic}}", "Message": "done" } },
                "Done": { "Type": "Succeed" }
              }
            }
            """;

        var (_, arn) = await RunAsync(sfn, "counted", definition);

        var accounting = sfn.Aws.StepFunctions.Accounting(arn);
        Assert.Equal("SUCCEEDED", accounting.Status);
        Assert.Equal(3, accounting.StateTransitions);
        Assert.Equal(2, accounting.TaskInvocations);
        Assert.Equal(1, accounting.LambdaInvocations);
        Assert.Equal(1, accounting.ServiceIntegrationCalls);
    }
}
