using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Faults;

public class RateLimitTests
{
    private const string GetCluster = """{"clusterIdentifier":"c"}""";

    [Fact]
    public void Limit_MoreReadsAtOneInstantThanTheBucketHolds_TheRestThrottled429WithRetryAfterSeconds()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 3, RefillPerSecond: 0.25) { Class = OperationClass.ReadOnly });

        for (var i = 0; i < 3; i++) account.Pcs("GetCluster", GetCluster);
        var error = account.PcsError("GetCluster", GetCluster);

        Assert.Equal(("ThrottlingException", 429), (error.Code, error.StatusCode));
        Assert.Equal(4, error.Members!["retryAfterSeconds"]!.GetValue<int>()); // one token at 0.25 per second
        Assert.Equal([200, 200, 200, 429], account.Aws.Calls.Of("pcs", "GetCluster").Select(c => c.Status));
    }

    [Fact]
    public void Limit_VirtualTimePasses_TokensComeBackAtTheRefillRateUpToTheCapacity()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 2, RefillPerSecond: 0.5));
        account.Pcs("GetCluster", GetCluster);
        account.Pcs("GetCluster", GetCluster);

        account.Advance(TimeSpan.FromSeconds(1));
        var halfToken = account.PcsError("GetCluster", GetCluster);
        account.Advance(TimeSpan.FromSeconds(1));
        account.Pcs("GetCluster", GetCluster);
        account.Advance(TimeSpan.FromHours(1)); // refill stops at the capacity
        var passed = Enumerable.Range(0, 5).Count(_ => Passes(account));

        Assert.Equal(1, halfToken.Members!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(2, passed);
    }

    [Fact]
    public void Limit_ReadsExhausted_WritesHaveTheirOwnBucket()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        account.Aws.Faults.Limit(RateLimits.PcsAssumed);
        var reads = Enumerable.Range(0, 60).Count(_ => Passes(account));

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":2}}""");

        Assert.Equal(50, reads);
        Assert.Equal(2, account.Group("c", "compute-1").MaxInstanceCount);
    }

    [Fact]
    public void Limit_ThrottledUpdate_ChangesNothing()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 1) { Class = OperationClass.Mutating });
        const string update = """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":3}}""";
        account.Pcs("UpdateComputeNodeGroup", update);
        account.Advance(TimeSpan.FromMinutes(5)); // ACTIVE again, and the bucket full

        account.Pcs("UpdateComputeNodeGroup", update.Replace("\"maxInstanceCount\":3", "\"maxInstanceCount\":5", StringComparison.Ordinal));
        var error = account.PcsError("UpdateComputeNodeGroup", update.Replace("\"maxInstanceCount\":3", "\"maxInstanceCount\":6", StringComparison.Ordinal));

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Equal(5, account.Group("c", "compute-1").MaxInstanceCount);
    }

    [Fact]
    public void Limit_BucketPerOperation_OneOperationExhaustedTheOthersStillPass()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 1) { BucketPerOperation = true });
        account.Pcs("GetCluster", GetCluster);

        var again = account.PcsError("GetCluster", GetCluster);
        account.Pcs("ListClusters", "{}");

        Assert.Equal("ThrottlingException", again.Code);
    }

    [Fact]
    public void Limit_RuleForOneOperationBeforeItsClass_TheFirstMatchDecides()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(
            new RateLimitRule("pcs", Capacity: 3, RefillPerSecond: 1) { Operation = "GetCluster" },
            new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 1) { Class = OperationClass.ReadOnly });

        var clusters = Enumerable.Range(0, 5).Count(_ => Passes(account));
        account.Pcs("ListClusters", "{}");
        var list = Assert.Throws<AwsServiceException>(() => account.Pcs("ListClusters", "{}"));

        Assert.Equal(3, clusters);
        Assert.Equal("ThrottlingException", list.Code);
    }

    [Fact]
    public void Limit_OtherServices_NotCounted()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(new RateLimitRule("ec2", Capacity: 1, RefillPerSecond: 1));

        var passed = Enumerable.Range(0, 10).Count(_ => Passes(account));

        Assert.Equal(10, passed);
    }

    [Fact]
    public void Limit_SameCallsAtTheSameVirtualTimes_SameOutcomes()
    {
        static List<int> Run()
        {
            var account = new TestAccount(Scenario.Cluster("c"));
            account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 4, RefillPerSecond: 1.5));
            for (var i = 0; i < 30; i++)
            {
                Passes(account);
                account.Advance(TimeSpan.FromMilliseconds(300 * (i % 4)));
            }
            return [.. account.Aws.Calls.Calls.Select(c => c.Status)];
        }

        var first = Run();

        Assert.Equal(first, Run());
        Assert.Contains(429, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public void Clear_RemovesTheLimits()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 0.1));
        account.Pcs("GetCluster", GetCluster);

        account.Aws.Faults.Clear();

        Assert.Empty(account.Aws.Faults.Limits);
        Assert.True(Passes(account));
    }

    [Theory]
    [InlineData(0.5, 1, "Capacity")]
    [InlineData(10, 0, "RefillPerSecond")]
    [InlineData(10, double.NaN, "RefillPerSecond")]
    public void Limit_OutOfRange_RefusedNamingTheProperty(double capacity, double refill, string property)
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = Assert.ThrowsAny<ArgumentException>(() => account.Aws.Faults.Limit(new RateLimitRule("pcs", capacity, refill)));

        Assert.Equal(property, error.ParamName);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.Empty(account.Aws.Faults.Limits);
    }

    private static bool Passes(TestAccount account)
    {
        try
        {
            account.Pcs("GetCluster", GetCluster);
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "ThrottlingException")
        {
            return false;
        }
    }
}
