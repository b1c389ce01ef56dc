using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.Rotation.JobProtectionStacks;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// The cleanup after the rotation and the key change (issue 12: "reservations and tokens re-created with the new key
/// afterwards, since old tokens fail"; guide L7074-7076, L7105-7117: error 1007 after a key change). The release reads
/// the key at the version GetCluster names; here the cluster still names the old version when the release runs (PCS
/// documents no moment at which authKey.secretVersion follows, the rotation's ROTATED_UNCONFIRMED case), so its first
/// token is the old key's: slurmrestd refuses it with 1007, the client re-reads AWSCURRENT once and the cleanup completes.
/// </summary>
public class RotationJobProtectionKeyChangeTests
{
    [Theory]
    [InlineData("reserve")]
    [InlineData("drain")]
    public async Task Rotation_ClusterStillNamesTheOldKeyAtCleanup_OldTokenRefusedWith1007AndTheCleanupStillRemovesEverything(string policy)
    {
        DeployedStack? stack = null;
        var oldKeyAnswers = new List<SlurmRestResponse>();
        var releasesStarted = new List<DateTimeOffset>();
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["ReleaseJobProtectionFunction"] = next => (payload, token) =>
            {
                var aws = stack!.Aws;
                lock (aws.State.Gate)
                {
                    var cluster = aws.State.FindCluster(Cluster)!;
                    var secret = aws.State.Secrets[cluster.SecretArn];
                    var previous = secret.VersionWithStage(Secret.Previous)!;
                    // After RotateSecret: a token from the old key, minted as the product mints them, sent to slurmrestd.
                    var oldKey = SlurmJwtKey.FromSecretString(previous.SecretString!, cluster.SecretArn, previous.VersionId);
                    var oldToken = new SlurmJwtMinter(aws.Clock, SlurmIdentity.Root).Mint(oldKey).Reveal();
                    oldKeyAnswers.Add(aws.SlurmRest.Send(Cluster, SlurmRestRequest.WithBearer("GET", "/slurm/v0.0.43/jobs/", oldToken)));
                    // The cluster still names the old version: the release mints its first token from it.
                    cluster.SecretVersion = previous.VersionId;
                }
                releasesStarted.Add(aws.Clock.GetUtcNow());
                return next(payload, token);
            },
        };
        await using var workflow = stack = await WithRunningJobsAsync(
            RestCluster(true, ("pcs-automation:job-policy", policy), ("pcs-automation:job-policy-timeout", "2h")),
            count: 2, duration: TimeSpan.FromMinutes(30), timeLimit: TimeSpan.FromMinutes(45), wrap);
        var versionBefore = workflow.SecretState(Cluster).CurrentVersion;

        var execution = await workflow.RotateAsync(Cluster);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        Assert.NotEqual(versionBefore, workflow.SecretState(Cluster).CurrentVersion);            // RotateSecret ran
        var refused = Assert.Single(oldKeyAnswers);
        Assert.Equal(511, refused.Status);
        Assert.Equal(1007, (int)JsonNode.Parse(refused.Body)!["errors"]![0]!["error_number"]!);
        // The release itself met the 1007 with its first token, then went on with the current key.
        var releaseStart = Assert.Single(releasesStarted);
        var releaseCalls = workflow.Aws.Calls.Of("slurmrestd").Where(c => c.Time >= releaseStart).ToList();
        var productCalls = releaseCalls.Skip(1).ToList();                                         // the first is the test's own token
        var firstRefusal = productCalls.FindIndex(c => c.ErrorCode == "1007");
        Assert.True(firstRefusal >= 0, $"the release met no 1007: {string.Join(", ", productCalls.Select(c => $"{c.Operation} {c.Status}"))}");
        Assert.Equal(1, productCalls.Count(c => c.ErrorCode == "1007"));                          // one refusal, then the current key
        Assert.Contains(productCalls.Skip(firstRefusal + 1), c => c.Status == 200);
        var cleanup = JsonNode.Parse(execution.Output!)!["jobCleanup"]!;
        Assert.Empty(cleanup["problems"]!.AsArray());
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.DoesNotContain(workflow.Aws.Slurm.Nodes(Cluster), n => n.IsDrained);
        if (policy == "reserve")
            Assert.True((bool)cleanup["reservationRemoved"]!);
        else
            Assert.Equal(4, cleanup["resumedNodes"]!.AsArray().Count);
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.Equal(("COMPLETED", 0), (j.State, j.Requeues)));
        workflow.AssertNoSecretValueAnywhere();
    }
}
