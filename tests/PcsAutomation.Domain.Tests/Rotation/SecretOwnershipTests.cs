using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class SecretOwnershipTests
{
    private const string ClusterId = "pcs_123456abcd";

    // The guide's example ARN (L2297-2298); the name format is at L2249, the tag at L2253.
    private const string GuideArn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd-a12ABC";

    private static readonly Dictionary<string, string> OwnTags = new() { ["aws:pcs:cluster-id"] = ClusterId };

    [Fact]
    public void Problem_GuideExampleWithTag_Null()
    {
        Assert.Null(SecretOwnership.Problem(ClusterId, GuideArn, OwnTags));
    }

    [Fact]
    public void Problem_OtherClustersSecret_NamesBothNames()
    {
        var problem = SecretOwnership.Problem("pcs_zzzzzzzzzz", GuideArn, new Dictionary<string, string> { ["aws:pcs:cluster-id"] = "pcs_zzzzzzzzzz" });
        Assert.NotNull(problem);
        Assert.Contains("secret name 'pcs!slurm-secret-pcs_123456abcd' is not 'pcs!slurm-secret-pcs_zzzzzzzzzz'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("tag", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TagMissing_SaysSo()
    {
        var problem = SecretOwnership.Problem(ClusterId, GuideArn, new Dictionary<string, string>());
        Assert.Contains("has no tag aws:pcs:cluster-id", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TagOtherCluster_NamesBothIds()
    {
        var problem = SecretOwnership.Problem(ClusterId, GuideArn, new Dictionary<string, string> { ["aws:pcs:cluster-id"] = "pcs_other00000" });
        Assert.Contains("tag aws:pcs:cluster-id is 'pcs_other00000', not 'pcs_123456abcd'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_NameAndTagWrong_ListsBoth()
    {
        var arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:my-own-secret-Ab12Cd";
        var problem = SecretOwnership.Problem(ClusterId, arn, new Dictionary<string, string>());
        Assert.Contains("secret name 'my-own-secret' is not 'pcs!slurm-secret-pcs_123456abcd'", problem, StringComparison.Ordinal);
        Assert.Contains("has no tag", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_LookalikeNameWithExtraSuffix_Refused()
    {
        var arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd-copy-a12ABC";
        Assert.Contains("is not", SecretOwnership.Problem(ClusterId, arn, OwnTags), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pcs!slurm-secret-pcs_123456abcd")]
    [InlineData("arn:aws:ssm:us-east-1:111122223333:parameter/pcs!slurm-secret-pcs_123456abcd-a12ABC")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd")]
    [InlineData("")]
    public void Problem_NotASecretArn_SaysSo(string arn)
    {
        Assert.Contains("is not a Secrets Manager secret ARN", SecretOwnership.Problem(ClusterId, arn, OwnTags), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_OtherPartition_Accepted()
    {
        Assert.Null(SecretOwnership.Problem(ClusterId, "arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd-a12ABC", OwnTags));
    }

    [Fact]
    public void SecretNameFromArn_GuideExample_StripsRandomSuffix()
    {
        Assert.Equal("pcs!slurm-secret-pcs_123456abcd", SecretOwnership.SecretNameFromArn(GuideArn));
    }

    [Theory]
    [InlineData(GuideArn, "pcs_123456abcd")]
    [InlineData("pcs!slurm-secret-pcs_123456abcd", "pcs_123456abcd")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:other-a12ABC", null)]
    [InlineData("pcs!slurm-secret-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ClusterIdFromSecret_ArnOrName_ReturnsClusterId(string? secret, string? clusterId)
    {
        Assert.Equal(clusterId, SecretOwnership.ClusterIdFromSecret(secret));
    }
}
