using System.Text.Json.Nodes;
using PcsAutomation.Cli.Tests.NodeGroupUpdate;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// A small stand-in for the roll-out workflow, so <c>ami plan</c> and <c>update</c> are tested on their own:
/// PlanNodeGroupUpdate (SamplePlan's plan for the input's cluster and target; refused with the product's message form
/// for <see cref="RefusedAmi"/>), a dry-run Choice ending with <c>{"plan", "dryRun": true}</c>, UpdateNodeGroup for the
/// canary, a 10-minute Wait, PrepareNotificationSucceeded (the lease's saved images, as PrepareNotification reports them).
/// </summary>
internal static class FixtureRollout
{
    public const string MachineName = "NodeGroupUpdateStateMachine";
    public const string RefusedAmi = "ami-0badbadbadbadbad0";

    public static string Install(LocalAwsHost aws)
    {
        FixtureWorkflow.Register(aws, "PlanNodeGroupUpdate", input =>
        {
            var target = input["target"]!.AsObject();
            if ((string?)target["amiId"] == RefusedAmi)
                throw new TargetIncompatible($"Roll-out of cluster {input["clusterId"]} to amiId {RefusedAmi} refused: "
                    + "slurm-version (guide L5776-5778, L6559): node group compute-1: the image declares no Slurm version; "
                    + "architecture (guide L2549-2550): node group gpu: the image is arm64, the group's instance types are x86_64");
            var plan = SamplePlan.Demo(input["dryRun"]!.GetValue<bool>()) with
            {
                ClusterId = input["clusterId"]!.GetValue<string>(),
                Target = (string?)target["channel"] is { } channel ? $"channel {channel}" : $"amiId {target["amiId"]}",
            };
            return SamplePlan.Json(plan).AsObject();
        });
        FixtureWorkflow.Register(aws, "UpdateNodeGroup", _ => new JsonObject { ["nodeGroupId"] = "pcs_ng2" });
        FixtureWorkflow.Register(aws, "PrepareRolloutNotification", input => new JsonObject
        {
            ["subject"] = "PCS AMI roll-out done: demo",
            ["detail"] = new JsonObject
            {
                ["clusterId"] = input["clusterId"]!.GetValue<string>(),
                ["clusterName"] = "demo",
                ["executionArn"] = input["executionArn"]!.GetValue<string>(),
                ["workflow"] = "node-group-update",
                ["event"] = "Succeeded",
                ["target"] = "channel sample",
                ["canary"] = "compute-1",
                ["savedImages"] = SamplePlan.Json([SamplePlan.Change("pcs_ng2", "compute-1"), SamplePlan.Change("pcs_ng3", "gpu"), SamplePlan.Change("pcs_ng1", "login")]),
            },
        });
        aws.StepFunctions.Invoke("CreateStateMachine", new JsonObject
        {
            ["name"] = MachineName,
            ["roleArn"] = $"arn:aws:iam::{aws.Options.AccountId}:role/{MachineName}Role",
            ["definition"] = $$$"""
                {"StartAt":"PlanNodeGroupUpdate","States":{
                  "PlanNodeGroupUpdate":{"Type":"Task","Resource":"{{{FixtureWorkflow.Function(aws, "PlanNodeGroupUpdate")}}}","ResultPath":"$.plan","Next":"IsDryRun"},
                  "IsDryRun":{"Type":"Choice","Choices":[{"Variable":"$.dryRun","BooleanEquals":true,"Next":"DryRunReport"}],"Default":"UpdateCanary"},
                  "DryRunReport":{"Type":"Pass","Parameters":{"plan.$":"$.plan","dryRun":true},"End":true},
                  "UpdateCanary":{"Type":"Task","Resource":"{{{FixtureWorkflow.Function(aws, "UpdateNodeGroup")}}}","ResultPath":"$.canaryUpdate","Next":"WaitForReplacement"},
                  "WaitForReplacement":{"Type":"Wait","Seconds":600,"Next":"PrepareNotificationSucceeded"},
                  "PrepareNotificationSucceeded":{"Type":"Task","Resource":"{{{FixtureWorkflow.Function(aws, "PrepareRolloutNotification")}}}","Parameters":{"clusterId.$":"$.clusterId","executionArn.$":"$$.Execution.Id"},"ResultPath":"$.notification","Next":"Done"},
                  "Done":{"Type":"Succeed"} } }
                """,
        });
        return FixtureWorkflow.MachineArn(aws, MachineName);
    }

    /// <summary>Its type name becomes the Lambda errorType, as the product's named errors do.</summary>
    private sealed class TargetIncompatible(string message) : Exception(message);
}
