using System.Text.Json.Nodes;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Scenarios;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// A small stand-in for the rotation workflow, so the CLI is tested on its own: PlanRotation (returns a plan for the
/// input cluster), a dry-run Choice, ScaleNodeGroupsToZero (the count it saved in the lease), a 10-minute Wait,
/// CheckSecretRotation (a new version), PrepareNotificationSucceeded (the notification detail with the lease's saved
/// scaling, restored). "FailingRotation" fails after the plan the way a handler error does. The functions are
/// in-process delegates.
/// </summary>
internal static class FixtureWorkflow
{
    public const string MachineName = "ClusterSecretRotationStateMachine";
    public const string FailingName = "FailingRotation";

    public static async Task<EmulatorSession> StartAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions { Scenario = ScenarioFile.Load(request.Scenario) }, cancellationToken);
        var machines = new Dictionary<string, string> { [MachineName] = Install(aws), [FixtureRollout.MachineName] = FixtureRollout.Install(aws) };
        return new EmulatorSession(aws, machines, "the fixture workflows");
    }

    /// <summary>Registers the functions and both state machines; returns the rotation machine's ARN.</summary>
    public static string Install(LocalAwsHost aws)
    {
        Register(aws, "PlanRotation", input => Plan(input["clusterId"]!.GetValue<string>(), input["dryRun"]!.GetValue<bool>()));
        Register(aws, "ScaleNodeGroupsToZero", _ => new JsonObject { ["savedNodeGroups"] = 2, ["updated"] = new JsonArray("pcs_ng1", "pcs_ng2") });
        Register(aws, "CheckSecretRotation", _ => new JsonObject { ["status"] = "SUCCEEDED", ["currentVersionId"] = "v-new", ["clusterSecretVersion"] = "v-new" });
        Register(aws, "PrepareNotification", input => new JsonObject
        {
            ["subject"] = "PCS cluster secret rotated: demo",
            ["message"] = "rotated",
            ["detailType"] = "PCS Cluster Secret Rotation Succeeded",
            ["detail"] = new JsonObject
            {
                ["clusterId"] = input["clusterId"]!.GetValue<string>(),
                ["clusterName"] = "demo",
                ["executionArn"] = input["executionArn"]!.GetValue<string>(),
                ["workflow"] = "cluster-secret-rotation",
                ["event"] = "Succeeded",
                ["previousVersionId"] = "v-old",
                ["currentVersionId"] = "v-new",
                ["clusterSecretVersion"] = "v-new",
                ["verification"] = "SUCCEEDED",
                ["savedScaling"] = new JsonArray(Group("pcs_ng1", "login", 1, 1), Group("pcs_ng2", "compute-1", 2, 8)),
                ["scalingRestored"] = true,
            },
        });
        Register(aws, "Boom", _ => throw new RotationFailed("2 instances of the cluster are still running"));
        Create(aws, FailingName, $$$"""
            {"StartAt":"PlanRotation","States":{
              "PlanRotation":{"Type":"Task","Resource":"{{{Function(aws, "PlanRotation")}}}","Parameters":{"clusterId.$":"$.clusterId","dryRun.$":"$.dryRun"},"ResultPath":"$.plan","Next":"CheckClusterDrained"},
              "CheckClusterDrained":{"Type":"Task","Resource":"{{{Function(aws, "Boom")}}}","End":true} } }
            """);
        return Create(aws, MachineName, $$$"""
            {"StartAt":"PlanRotation","States":{
              "PlanRotation":{"Type":"Task","Resource":"{{{Function(aws, "PlanRotation")}}}","Parameters":{"clusterId.$":"$.clusterId","dryRun.$":"$.dryRun"},"ResultPath":"$.plan","Next":"IsDryRun"},
              "IsDryRun":{"Type":"Choice","Choices":[{"Variable":"$.dryRun","BooleanEquals":true,"Next":"DryRunDone"}],"Default":"ScaleNodeGroupsToZero"},
              "DryRunDone":{"Type":"Succeed"},
              "ScaleNodeGroupsToZero":{"Type":"Task","Resource":"{{{Function(aws, "ScaleNodeGroupsToZero")}}}","ResultPath":"$.scaleDown","Next":"WaitForDrain"},
              "WaitForDrain":{"Type":"Wait","Seconds":600,"Next":"CheckSecretRotation"},
              "CheckSecretRotation":{"Type":"Task","Resource":"{{{Function(aws, "CheckSecretRotation")}}}","ResultPath":"$.secretCheck","Next":"PrepareNotificationSucceeded"},
              "PrepareNotificationSucceeded":{"Type":"Task","Resource":"{{{Function(aws, "PrepareNotification")}}}","Parameters":{"clusterId.$":"$.clusterId","executionArn.$":"$$.Execution.Id"},"ResultPath":"$.notification","Next":"Done"},
              "Done":{"Type":"Succeed"} } }
            """);
    }

    public static string MachineArn(LocalAwsHost aws, string name) => $"arn:aws:states:{aws.Options.Region}:{aws.Options.AccountId}:stateMachine:{name}";

    internal static string Function(LocalAwsHost aws, string name) => $"arn:aws:lambda:{aws.Options.Region}:{aws.Options.AccountId}:function:{name}";

    private static JsonObject Plan(string clusterId, bool dryRun) => new()
    {
        ["clusterId"] = clusterId,
        ["clusterName"] = "demo",
        ["clusterStatus"] = "ACTIVE",
        ["secretArn"] = $"arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-{clusterId}-AbCdEf",
        ["currentVersionId"] = "v-old",
        ["nodeGroups"] = new JsonArray(Group("pcs_ng1", "login", 1, 1), Group("pcs_ng2", "compute-1", 2, 8)),
        ["instancesUp"] = new JsonArray("i-0aaa", "i-0bbb", "i-0ccc"),
        ["loginInstances"] = new JsonArray("i-0byo"),
        ["expectedDowntimeSeconds"] = 1500,
        ["maintenanceWindow"] = "sun:02:00-sun:06:00",
        ["dryRun"] = dryRun,
    };

    private static JsonObject Group(string id, string name, int min, int max) =>
        new() { ["nodeGroupId"] = id, ["nodeGroupName"] = name, ["minInstanceCount"] = min, ["maxInstanceCount"] = max };

    /// <summary>An in-process function: JSON in, JSON out; an exception's type name becomes the Lambda errorType.</summary>
    internal static void Register(LocalAwsHost aws, string name, Func<JsonObject, JsonObject> handler) =>
        aws.Lambda.Register(new LambdaFunction(name)
        {
            InProcess = (payload, _) => Task.FromResult(handler((JsonObject)JsonNode.Parse(payload)!).ToJsonString()),
        });

    private static string Create(LocalAwsHost aws, string name, string definition)
    {
        aws.StepFunctions.Invoke("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = $"arn:aws:iam::{aws.Options.AccountId}:role/{name}Role",
        });
        return MachineArn(aws, name);
    }

    /// <summary>Its type name becomes the Lambda errorType, as the product's named errors do.</summary>
    private sealed class RotationFailed(string message) : Exception(message);
}
