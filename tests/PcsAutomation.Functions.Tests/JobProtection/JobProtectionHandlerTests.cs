using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Functions.JobProtection;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Functions.Tests.JobProtection;

/// <summary>The job protection steps' own checks: bad input named, the key's IAM scope enforced by name.</summary>
public class JobProtectionHandlerTests
{
    [Theory]
    [InlineData("PlanJobProtection", """{"executionArn":"arn:aws:states:us-east-1:1:execution:m:r"}""", "clusterId")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"run-1"}""", "executionArn")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","expectedDowntimeSeconds":-1}""", "expectedDowntimeSeconds")]
    [InlineData("WaitForRunningJobs", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"kill","onTimeout":"abort"}""", "action")]
    [InlineData("WaitForRunningJobs", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"reserve","onTimeout":"later"}""", "onTimeout")]
    [InlineData("WaitForRunningJobs", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"reserve","onTimeout":"abort","timeoutSeconds":60}""", "windowStart")]
    [InlineData("ReleaseJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"nothing"}""", "action")]
    [InlineData("ReleaseJobProtection", """{"executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"reserve"}""", "clusterId")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","workflow":"node-group-update"}""", "workflow")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","workflow":"capacity-block-expiry"}""", "capacityBlock")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","workflow":"capacity-block-expiry","capacityBlock":{"reservationId":"cr-1","endDate":"2026-03-02T11:30:00Z"}}""", "capacityBlock.reservationId")]
    [InlineData("PlanJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","workflow":"capacity-block-expiry","capacityBlock":{"reservationId":"cr-0a000000000000001","endDate":"2026-03-02T11:30:00Z"}}""", "capacityBlock.timing")]
    [InlineData("ReleaseJobProtection", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","action":"requeue","workflow":"capacity-block-expiry","capacityBlock":{"reservationId":"cr-0a000000000000001","endDate":"soon"}}""", "capacityBlock.endDate")]
    public async Task Handler_InvalidInput_IsInvalidWorkflowInputNamingTheField(string handler, string payload, string field)
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeRawAsync(handler, payload));

        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HandlerRegistry_ServesTheJobProtectionSteps() =>
        Assert.All(["PlanJobProtection", "WaitForRunningJobs", "ReleaseJobProtection"], name => Assert.Contains(name, HandlerRegistry.Names));

    [Theory]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:my-own-jwt-key-AbCdEf")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs-slurm-secret-x")]
    [InlineData("pcs!slurm-secret-pcs_abc123")]
    public void RequireClusterSecret_KeyOutsideTheClusterSecrets_RefusedNamingTheSecretAndCluster(string secretArn)
    {
        var cluster = Demo();

        var e = Assert.Throws<SlurmKeyOutsideScope>(() =>
            SlurmRestConnector.RequireClusterSecret(cluster, new SlurmKeyReference(secretArn, "v1", SlurmKeyOrigin.JwtAuth)));

        Assert.Contains(secretArn, e.Message, StringComparison.Ordinal);
        Assert.Contains("pcs_abc123", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireClusterSecret_ClusterSecret_Accepted() =>
        SlurmRestConnector.RequireClusterSecret(
            Demo(),
            new SlurmKeyReference("arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_abc123-AbCdEf", "v1", SlurmKeyOrigin.ClusterSecret));

    private static Cluster Demo() => new()
    {
        Name = "demo", Id = "pcs_abc123", Arn = "arn:aws:pcs:us-east-1:111122223333:cluster/pcs_abc123",
        Status = ClusterStatus.ACTIVE, CreatedAt = DateTimeOffset.UnixEpoch, ModifiedAt = DateTimeOffset.UnixEpoch,
        Scheduler = new Scheduler { Type = SchedulerType.SLURM, Version = "25.05" }, Size = Size.SMALL, Networking = new Networking(),
    };
}
