using System.Text.RegularExpressions;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

public class ClusterLifecycleTests
{
    [Fact] // guide L2282, L2283: pcs_ ids and cluster ARNs; L1883, L1938: Creating, then ACTIVE
    public void CreateCluster_Valid_IdArnAndCreatingThenActive()
    {
        var account = new TestAccount();

        var cluster = account.CreateCluster("my-cluster")["cluster"]!;

        var id = cluster["id"]!.GetValue<string>();
        Assert.Matches("^pcs_[a-z0-9]{10}$", id);
        Assert.Equal($"arn:aws:pcs:us-east-1:111122223333:cluster/{id}", cluster["arn"]!.GetValue<string>());
        Assert.Equal("CREATING", cluster["status"]!.GetValue<string>());
        account.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("ACTIVE", account.Pcs("GetCluster", """{"clusterIdentifier":"my-cluster"}""")["cluster"]!["status"]!.GetValue<string>());
    }

    [Fact] // guide L2249-2253, L2296-2300: the cluster secret pcs!slurm-secret-<id>, tagged, referenced by authKey
    public void CreateCluster_Valid_CreatesTaggedSecretReferencedByAuthKey()
    {
        var account = new TestAccount();

        var cluster = account.CreateCluster("my-cluster")["cluster"]!;

        var id = cluster["id"]!.GetValue<string>();
        var authKey = cluster["slurmConfiguration"]!["authKey"]!;
        var arn = authKey["secretArn"]!.GetValue<string>();
        Assert.Matches($"^arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-{id}-[A-Za-z0-9]{{6}}$", arn);
        var described = account.Secrets("DescribeSecret", $$"""{"SecretId":"{{arn}}"}""");
        Assert.Equal(id, described["Tags"]!.AsArray().Single(t => t!["Key"]!.GetValue<string>() == "aws:pcs:cluster-id")!["Value"]!.GetValue<string>());
        var versionId = authKey["secretVersion"]!.GetValue<string>();
        Assert.Equal("AWSCURRENT", described["VersionIdsToStages"]![versionId]![0]!.GetValue<string>());
        var value = account.Secrets("GetSecretValue", $$"""{"SecretId":"{{arn}}"}""")["SecretString"]!.GetValue<string>();
        Assert.Equal(32, Convert.FromBase64String(value).Length); // guide L2323: a base64-encoded key
    }

    [Fact] // guide L1887, L10918: one cluster in the Creating state per Region
    public void CreateCluster_AnotherStillCreating_ServiceQuotaExceeded()
    {
        var account = new TestAccount();
        account.CreateCluster("first");

        var error = account.PcsError("CreateCluster", """{"clusterName":"second","scheduler":{"type":"SLURM","version":"25.05"},"size":"SMALL","networking":{"subnetIds":["subnet-1"]}}""");

        Assert.Equal(("ServiceQuotaExceededException", 402), (error.Code, error.StatusCode));
        Assert.Single(account.Aws.State.Clusters);
    }

    [Fact] // guide L10901: 5 clusters per Region by default
    public void CreateCluster_SixthCluster_ServiceQuotaExceeded()
    {
        var scenario = Scenario.Cluster("c1").AndCluster("c2").AndCluster("c3").AndCluster("c4").AndCluster("c5");
        var account = new TestAccount(scenario);

        var error = Assert.Throws<AwsServiceException>(() => account.CreateCluster("sixth"));

        Assert.Equal("ServiceQuotaExceededException", error.Code);
        Assert.Equal(5, account.Aws.State.Clusters.Count);
    }

    [Fact] // guide L1869: names are unique per Region and account
    public void CreateCluster_ExistingName_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("taken"));

        var error = Assert.Throws<AwsServiceException>(() => account.CreateCluster("taken"));

        Assert.Equal(("ConflictException", 409), (error.Code, error.StatusCode));
    }

    [Theory] // guide L1869: letter first, letters/digits/hyphens, at most 40 characters
    [InlineData("1starts-with-digit")]
    [InlineData("has_underscore")]
    [InlineData("pcs_looks-like-an-id")]
    [InlineData("a2345678901234567890123456789012345678901")]
    public void CreateCluster_InvalidName_ValidationException(string name)
    {
        var account = new TestAccount();

        var error = Assert.Throws<AwsServiceException>(() => account.CreateCluster(name));

        Assert.Equal(("ValidationException", 400), (error.Code, error.StatusCode));
        Assert.Empty(account.Aws.State.Clusters);
        Assert.Empty(account.Aws.State.Secrets);
    }

    [Fact] // guide L1900: Slurm 25.11, 25.05 and 24.11 only
    public void CreateCluster_UnsupportedSlurmVersion_ValidationException()
    {
        var account = new TestAccount();

        var error = Assert.Throws<AwsServiceException>(() => account.CreateCluster("old", version: "23.11"));

        Assert.Equal("ValidationException", error.Code);
    }

    [Fact] // guide L10798: PCS operations take a clientToken; a retry returns the first answer
    public void CreateCluster_SameClientTokenSameRequest_ReturnsSameCluster()
    {
        var account = new TestAccount();

        var first = account.CreateCluster("idem", token: "token-0001");
        var again = account.CreateCluster("idem", token: "token-0001");

        Assert.Equal(first["cluster"]!["id"]!.GetValue<string>(), again["cluster"]!["id"]!.GetValue<string>());
        Assert.Single(account.Aws.State.Clusters);
    }

    [Fact]
    public void CreateCluster_SameClientTokenOtherRequest_ConflictAndNothingCreated()
    {
        var account = new TestAccount();
        account.CreateCluster("idem", token: "token-0001");

        var error = Assert.Throws<AwsServiceException>(() => account.CreateCluster("other-name", token: "token-0001"));

        Assert.Equal("ConflictException", error.Code);
        Assert.Single(account.Aws.State.Clusters);
    }

    [Fact] // guide L2082: UPDATING, then ACTIVE with the change
    public void UpdateCluster_Active_UpdatingThenActive()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var updating = account.Pcs("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"scaleDownIdleTimeInSeconds":300}}""");

        Assert.Equal("UPDATING", updating["cluster"]!["status"]!.GetValue<string>());
        account.Advance(TimeSpan.FromMinutes(5));
        var cluster = account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""")["cluster"]!;
        Assert.Equal("ACTIVE", cluster["status"]!.GetValue<string>());
        Assert.Equal(300, cluster["slurmConfiguration"]!["scaleDownIdleTimeInSeconds"]!.GetValue<int>());
    }

    [Fact] // guide L2092-2094: updates cannot be queued
    public void UpdateCluster_WhileUpdating_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Pcs("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"scaleDownIdleTimeInSeconds":300}}""");

        var error = account.PcsError("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"scaleDownIdleTimeInSeconds":600}}""");

        Assert.Equal(("ConflictException", 409), (error.Code, error.StatusCode));
        Assert.Contains("cannot go from UPDATING to UPDATING", error.Message, StringComparison.Ordinal);
    }

    [Fact] // guide L1984-1989: every queue and node group must be ACTIVE
    public void UpdateCluster_NodeGroupNotActive_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4, status: "UPDATING"));

        var error = account.PcsError("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"scaleDownIdleTimeInSeconds":300}}""");

        Assert.Equal("ConflictException", error.Code);
        Assert.Equal("ACTIVE", account.Cluster("c").Status);
    }

    [Fact] // guide L1997-1999, L2114-2136: UPDATE_FAILED, then a fixed update is accepted (L1984)
    public void UpdateCluster_ScenarioFailure_UpdateFailedThenRetryable()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Cluster("c").FailNextUpdate = "The Slurm custom settings of the cluster might be incompatible.";

        account.Pcs("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"slurmCustomSettings":[{"parameterName":"Prolog","parameterValue":"/bad"}]}}""");
        account.Advance(TimeSpan.FromMinutes(5));

        var failed = account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""")["cluster"]!;
        Assert.Equal("UPDATE_FAILED", failed["status"]!.GetValue<string>());
        Assert.NotNull(failed["errorInfo"]);
        account.Pcs("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"slurmCustomSettings":[]}}""");
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("ACTIVE", account.Cluster("c").Status);
    }

    [Theory] // guide L1970-1980: size, networking and name cannot change
    [InlineData("""{"clusterIdentifier":"c","size":"LARGE"}""")]
    [InlineData("""{"clusterIdentifier":"c","networking":{"subnetIds":["subnet-2"]}}""")]
    [InlineData("""{"clusterIdentifier":"c","clusterName":"renamed"}""")]
    public void UpdateCluster_ImmutableField_ValidationException(string request)
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = account.PcsError("UpdateCluster", request);

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("ACTIVE", account.Cluster("c").Status);
    }

    [Fact] // guide L7408-7422: custom settings are an allow-list checked synchronously
    public void UpdateCluster_UnknownSlurmSetting_ValidationException()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = account.PcsError("UpdateCluster", """{"clusterIdentifier":"c","slurmConfiguration":{"slurmCustomSettings":[{"parameterName":"SlurmctldHost","parameterValue":"x"}]}}""");

        Assert.Equal("ValidationException", error.Code);
    }

    [Fact] // design.md: the 2026 model allows scheduler.version upgrades, newer versions only
    public void UpdateCluster_OlderSlurmVersion_ValidationException()
    {
        var account = new TestAccount(Scenario.Cluster("c", slurmVersion: "25.05"));

        var error = account.PcsError("UpdateCluster", """{"clusterIdentifier":"c","scheduler":{"version":"24.11"}}""");

        Assert.Equal("ValidationException", error.Code);
    }

    [Theory] // guide L2164-2165: queues, then node groups, must be deleted first
    [InlineData(true)]
    [InlineData(false)]
    public void DeleteCluster_WithChildren_Conflict(bool withQueue)
    {
        var scenario = Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4);
        if (withQueue) scenario.WithQueue("demo", "compute-1");
        var account = new TestAccount(scenario);

        var error = account.PcsError("DeleteCluster", """{"clusterIdentifier":"c"}""");

        Assert.Equal("ConflictException", error.Code);
        Assert.Equal("ACTIVE", account.Cluster("c").Status);
    }

    [Fact] // guide L2178, L2192: Deleting for several minutes, then gone (with its secret)
    public void DeleteCluster_Empty_DeletingThenNotFound()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        var secretArn = account.Cluster("c").SecretArn;

        account.Pcs("DeleteCluster", """{"clusterIdentifier":"c"}""");

        Assert.Equal("DELETING", account.Cluster("c").Status);
        account.Advance(TimeSpan.FromMinutes(10));
        var error = account.PcsError("GetCluster", """{"clusterIdentifier":"c"}""");
        Assert.Equal(("ResourceNotFoundException", 404), (error.Code, error.StatusCode));
        Assert.False(account.Aws.State.Secrets.ContainsKey(secretArn));
    }

    [Fact]
    public void ListClusters_MaxResults_PaginatesWithNextToken()
    {
        var account = new TestAccount(Scenario.Cluster("c1").AndCluster("c2").AndCluster("c3"));

        var first = account.Pcs("ListClusters", """{"maxResults":2}""");
        var token = first["nextToken"]!.GetValue<string>();
        var second = account.Pcs("ListClusters", $$"""{"maxResults":2,"nextToken":"{{token}}"}""");

        Assert.Equal(["c1", "c2"], first["clusters"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["c3"], second["clusters"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Null(second["nextToken"]);
    }

    [Fact]
    public void TagResource_Cluster_ListTagsForResourceShowsTags()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        var arn = account.Cluster("c").Arn;

        account.Pcs("TagResource", $$$"""{"resourceArn":"{{{arn}}}","tags":{"pcs-automation:managed":"true"}}""");
        account.Pcs("UntagResource", $$"""{"resourceArn":"{{arn}}","tagKeys":["absent"]}""");

        var tags = account.Pcs("ListTagsForResource", $$"""{"resourceArn":"{{arn}}"}""")["tags"]!;
        Assert.Equal("true", tags["pcs-automation:managed"]!.GetValue<string>());
    }

    [Fact] // guide L2284: GetCluster's endpoints carry the controller's port as a string
    public void GetCluster_Active_SlurmctldEndpointWithStringPort()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var endpoint = account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""")["cluster"]!["endpoints"]![0]!;

        Assert.Equal("SLURMCTLD", endpoint["type"]!.GetValue<string>());
        Assert.Equal("6817", endpoint["port"]!.GetValue<string>());
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+\.\d+$"), endpoint["privateIpAddress"]!.GetValue<string>());
    }
}
