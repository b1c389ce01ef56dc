using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SecretsManager;

public class ManagedRotationTests
{
    private static (TestAccount Account, string SecretArn) Prepared(Scenario scenario)
    {
        var account = new TestAccount(scenario);
        return (account, account.Cluster("c").SecretArn);
    }

    private static List<string> RotationEvents(TestAccount account) =>
        account.Aws.CloudTrail.Events.Where(e => e["detail-type"]!.GetValue<string>() == "AWS Service Event via CloudTrail")
            .Select(e => e["detail"]!["eventName"]!.GetValue<string>()).ToList();

    [Fact] // guide L2375-2380, L2429-2431: nodes stopped → new AWSCURRENT, authKey follows, RotationSucceeded, lastRotatedDate
    public void RotateSecret_NoNodesUp_NewCurrentVersionAndClusterFollows()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var oldVersion = account.Cluster("c").SecretVersion;
        var oldValue = account.Secrets("GetSecretValue", $$"""{"SecretId":"{{arn}}"}""")["SecretString"]!.GetValue<string>();

        var rotate = account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        var newVersion = rotate["VersionId"]!.GetValue<string>();
        var stages = account.Secrets("DescribeSecret", $$"""{"SecretId":"{{arn}}"}""");
        Assert.Equal("AWSCURRENT", stages["VersionIdsToStages"]![newVersion]![0]!.GetValue<string>());
        Assert.Equal("AWSPREVIOUS", stages["VersionIdsToStages"]![oldVersion]![0]!.GetValue<string>());
        Assert.NotNull(stages["LastRotatedDate"]);
        Assert.NotEqual(oldValue, account.Secrets("GetSecretValue", $$"""{"SecretId":"{{arn}}"}""")["SecretString"]!.GetValue<string>());
        var authKey = account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""")["cluster"]!["slurmConfiguration"]!["authKey"]!;
        Assert.Equal(newVersion, authKey["secretVersion"]!.GetValue<string>());
        Assert.Equal(["RotationStarted", "RotationSucceeded"], RotationEvents(account));
    }

    [Fact] // guide L2468-2470, L2487-2490: running nodes make rotation fail; the secret is unchanged
    public void RotateSecret_NodesRunning_RotationFailedAndSecretUnchanged()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        account.Advance(TimeSpan.FromMinutes(3));
        var before = account.Secrets("GetSecretValue", $$"""{"SecretId":"{{arn}}"}""");

        account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        var after = account.Secrets("GetSecretValue", $$"""{"SecretId":"{{arn}}"}""");
        Assert.Equal(before["VersionId"]!.GetValue<string>(), after["VersionId"]!.GetValue<string>());
        Assert.Equal(before["VersionId"]!.GetValue<string>(), account.Cluster("c").SecretVersion);
        Assert.Null(account.Secrets("DescribeSecret", $$"""{"SecretId":"{{arn}}"}""")["LastRotatedDate"]);
        Assert.Equal(["RotationStarted", "RotationFailed"], RotationEvents(account));
        var failed = account.Aws.CloudTrail.Events[^1];
        Assert.Equal(arn, failed["detail"]!["additionalEventData"]!["SecretId"]!.GetValue<string>());
    }

    [Theory] // guide L2483: not in CREATE_FAILED, DELETE_FAILED, RESUMING, SUSPENDING or SUSPENDED
    [InlineData("SUSPENDED")]
    [InlineData("CREATE_FAILED")]
    [InlineData("DELETE_FAILED")]
    public void RotateSecret_ClusterInForbiddenStatus_RotationFailed(string status)
    {
        var (account, arn) = Prepared(Scenario.Cluster("c", status: status));

        account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("RotationFailed", RotationEvents(account).Last());
    }

    [Fact] // guide L2413: UPDATE_FAILED clusters can rotate
    public void RotateSecret_ClusterUpdateFailed_RotationSucceeded()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c", status: "UPDATE_FAILED"));

        account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("RotationSucceeded", RotationEvents(account).Last());
    }

    [Fact] // guide L2487-2490 and Secrets Manager: a failed rotation's AWSPENDING blocks the next RotateSecret
    public void RotateSecret_LingeringPending_InvalidRequestUntilLabelRemoved()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        account.Advance(TimeSpan.FromMinutes(3));
        var pending = account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""")["VersionId"]!.GetValue<string>();
        account.Advance(TimeSpan.FromMinutes(5));
        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"login","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""");
        account.Advance(TimeSpan.FromMinutes(10));

        var error = account.SecretsError("RotateSecret", $$"""{"SecretId":"{{arn}}","ClientRequestToken":"cccccccc-cccc-4ccc-8ccc-cccccccccccc"}""");
        Assert.Equal(("InvalidRequestException", 400), (error.Code, error.StatusCode));

        account.Aws.Clock.RunUntilIdle(); // the service reattempts the earlier rotation, which now succeeds
        Assert.Equal(pending, account.Cluster("c").SecretVersion);
    }

    [Fact] // RotateSecret's ClientRequestToken prevents duplicate versions on retries (API_RotateSecret.html, botocore model)
    public void RotateSecret_RetryWithTheTokenOfAFinishedRotation_SameVersionNoNewRotation()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        const string token = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
        var request = $$"""{"SecretId":"{{arn}}","ClientRequestToken":"{{token}}"}""";
        account.Secrets("RotateSecret", request);
        account.Advance(TimeSpan.FromMinutes(5));
        var versionsBefore = account.Secrets("ListSecretVersionIds", $$"""{"SecretId":"{{arn}}","IncludeDeprecated":true}""")["Versions"]!.AsArray().Count;

        var retry = account.Secrets("RotateSecret", request);
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(token, retry["VersionId"]!.GetValue<string>());
        var versions = account.Secrets("ListSecretVersionIds", $$"""{"SecretId":"{{arn}}","IncludeDeprecated":true}""")["Versions"]!.AsArray();
        Assert.Equal(versionsBefore, versions.Count);
        Assert.Single(versions, v => v!["VersionId"]!.GetValue<string>() == token);
        Assert.Equal(token, account.Cluster("c").SecretVersion);
        Assert.Equal(["RotationStarted", "RotationSucceeded"], RotationEvents(account));
    }

    [Fact]
    public void RotateSecret_PendingRemovedByOperator_NextRotationAccepted()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        account.Advance(TimeSpan.FromMinutes(3));
        var pending = account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""")["VersionId"]!.GetValue<string>();
        account.Advance(TimeSpan.FromMinutes(5));

        account.Secrets("UpdateSecretVersionStage", $$"""{"SecretId":"{{arn}}","VersionStage":"AWSPENDING","RemoveFromVersionId":"{{pending}}"}""");
        var next = account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");

        Assert.NotEqual(pending, next["VersionId"]!.GetValue<string>());
    }

    [Fact]
    public void RotateSecret_OrdinarySecretWithoutLambda_InvalidRequest()
    {
        var account = new TestAccount(Scenario.Empty().WithSecret("app/key", "v"));

        var error = account.SecretsError("RotateSecret", """{"SecretId":"app/key"}""");

        Assert.Equal("InvalidRequestException", error.Code);
    }

    [Fact]
    public void CancelRotateSecret_RotationInFlight_NothingChanges()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c"));
        var version = account.Cluster("c").SecretVersion;
        account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");

        account.Secrets("CancelRotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(version, account.Cluster("c").SecretVersion);
        Assert.DoesNotContain("RotationSucceeded", RotationEvents(account));
    }

    [Fact] // reference/events: the envelope of RotationSucceeded matches the sample's keys
    public void RotationSucceeded_Envelope_HasTheReferenceKeys()
    {
        var (account, arn) = Prepared(Scenario.Cluster("c"));
        account.Secrets("RotateSecret", $$"""{"SecretId":"{{arn}}"}""");
        account.Advance(TimeSpan.FromMinutes(5));
        var reference = (JsonObject)JsonNode.Parse(File.ReadAllText(Reference.Path("events/secretsmanager-rotation-succeeded.via-cloudtrail.json")))!;

        var ours = account.Aws.CloudTrail.Events[^1];

        Assert.Equal(reference.Select(p => p.Key).Order(), ours.Select(p => p.Key).Order());
        Assert.Equal(((JsonObject)reference["detail"]!).Select(p => p.Key).Order(), ((JsonObject)ours["detail"]!).Select(p => p.Key).Order());
        Assert.Equal("aws.secretsmanager", ours["source"]!.GetValue<string>());
        Assert.Equal("RotationSucceeded", ours["detail"]!["eventName"]!.GetValue<string>());
    }
}
