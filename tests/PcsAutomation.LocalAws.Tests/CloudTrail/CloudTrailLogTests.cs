using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.CloudTrail;

public class CloudTrailLogTests
{
    [Fact] // guide L10748, L10765-10843: every PCS write is an "AWS API Call via CloudTrail" from pcs.amazonaws.com
    public void UpdateComputeNodeGroup_Succeeded_RecordsApiCallEnvelope()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var reference = (JsonObject)JsonNode.Parse(File.ReadAllText(Reference.Path("events/aws-api-call-via-cloudtrail.s3-createbucket.json")))!;

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0},"clientToken":"exec-0001-token"}""");

        var recorded = Assert.Single(account.Aws.CloudTrail.Events);
        Assert.Equal(reference.Select(p => p.Key).Order(), recorded.Select(p => p.Key).Order());
        Assert.Equal("AWS API Call via CloudTrail", recorded["detail-type"]!.GetValue<string>());
        Assert.Equal("aws.pcs", recorded["source"]!.GetValue<string>());
        var detail = recorded["detail"]!;
        foreach (var key in ((JsonObject)reference["detail"]!).Select(p => p.Key)) Assert.True(((JsonObject)detail).ContainsKey(key), key);
        Assert.Equal("pcs.amazonaws.com", detail["eventSource"]!.GetValue<string>());
        Assert.Equal("UpdateComputeNodeGroup", detail["eventName"]!.GetValue<string>());
        Assert.Equal("exec-0001-token", detail["requestParameters"]!["clientToken"]!.GetValue<string>());
        Assert.Equal("UPDATING", detail["responseElements"]!["computeNodeGroup"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void ReadOnlyAndRejectedCalls_NotRecorded()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""");
        account.PcsError("DeleteCluster", """{"clusterIdentifier":"absent"}""");

        Assert.Empty(account.Aws.CloudTrail.Events);
    }

    [Fact] // no secret value in any log: CloudTrail's requestParameters omit SecretString
    public void PutSecretValue_Recorded_WithoutSecretValue()
    {
        var account = new TestAccount(Scenario.Empty().WithSecret("app/key", "old-value"));

        account.Secrets("PutSecretValue", """{"SecretId":"app/key","SecretString":"new-secret-value"}""");

        var recorded = Assert.Single(account.Aws.CloudTrail.Events);
        Assert.Equal("secretsmanager.amazonaws.com", recorded["detail"]!["eventSource"]!.GetValue<string>());
        Assert.Equal("app/key", recorded["detail"]!["requestParameters"]!["SecretId"]!.GetValue<string>());
        Assert.DoesNotContain("new-secret-value", recorded.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact] // the EventBridge bus subscribes to the log
    public void Recorded_Subscriber_ReceivesEachEvent()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        var received = new List<string>();
        account.Aws.CloudTrail.Recorded += e => received.Add(e["detail"]!["eventName"]!.GetValue<string>());

        account.Secrets("RotateSecret", $$"""{"SecretId":"{{account.Cluster("c").SecretArn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(["RotationStarted", "RotateSecret", "RotationSucceeded"], received);
    }
}
