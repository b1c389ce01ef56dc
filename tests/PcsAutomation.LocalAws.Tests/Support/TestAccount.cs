using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>An in-process emulator (no HTTP) with short helpers for model-level tests.</summary>
internal sealed class TestAccount
{
    public TestAccount(Scenario? scenario = null, LocalAwsOptions? options = null)
    {
        Aws = LocalAws.CreateInProcess((options ?? new LocalAwsOptions()) with { Scenario = scenario?.Build() });
    }

    public LocalAws Aws { get; }

    public JsonObject Pcs(string operation, string json) => (JsonObject)Aws.Call("pcs", operation, Json(json));

    public JsonObject Secrets(string operation, string json) => (JsonObject)Aws.Call("secretsmanager", operation, Json(json));

    public AwsServiceException PcsError(string operation, string json) =>
        Assert.Throws<AwsServiceException>(() => Aws.Call("pcs", operation, Json(json)));

    public AwsServiceException SecretsError(string operation, string json) =>
        Assert.Throws<AwsServiceException>(() => Aws.Call("secretsmanager", operation, Json(json)));

    public PcsCluster Cluster(string name) => Aws.State.FindCluster(name) ?? throw new InvalidOperationException($"no cluster {name}");

    public ComputeNodeGroup Group(string cluster, string name) =>
        Cluster(cluster).FindNodeGroup(name) ?? throw new InvalidOperationException($"no node group {name}");

    public int UpInstances(string cluster, string group) =>
        Aws.State.InstancesOfNodeGroup(Group(cluster, group).Id).Count(i => i.IsUp);

    public int RunningInstances(string cluster, string group) =>
        Aws.State.InstancesOfNodeGroup(Group(cluster, group).Id).Count(i => i.State == "running");

    public JsonObject CreateCluster(string name, string version = "25.05", string? token = null) =>
        Pcs("CreateCluster", $$"""
            {"clusterName":"{{name}}","scheduler":{"type":"SLURM","version":"{{version}}"},"size":"SMALL",
             "networking":{"subnetIds":["subnet-1"],"securityGroupIds":["sg-1"]}{{(token is null ? "" : $",\"clientToken\":\"{token}\"")}}}
            """);

    public static string NodeGroupRequest(string cluster, string name, int min, int max, string extra = "") => $$"""
        {"clusterIdentifier":"{{cluster}}","computeNodeGroupName":"{{name}}","subnetIds":["subnet-1"],
         "customLaunchTemplate":{"id":"lt-0123456789abcdef0","version":"1"},
         "iamInstanceProfileArn":"arn:aws:iam::111122223333:instance-profile/AWSPCS-test",
         "scalingConfiguration":{"minInstanceCount":{{min}},"maxInstanceCount":{{max}}},
         "instanceConfigs":[{"instanceType":"c6i.xlarge"}]{{extra}}}
        """;

    public static JsonObject Json(string json) => (JsonObject)JsonNode.Parse(json)!;

    public void Advance(TimeSpan by) => Aws.Clock.Advance(by);
}
