using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>The Slurm auth key secret PCS creates with each cluster (guide L2229-2262).</summary>
public static class ClusterSecrets
{
    public const string NamePrefix = "pcs!slurm-secret-";

    /// <summary>Creates <c>pcs!slurm-secret-&lt;clusterId&gt;</c>, tagged <c>aws:pcs:cluster-id</c>, with a random base64 key as AWSCURRENT.</summary>
    public static Secret Create(AwsWorld world, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(world);
        var name = NamePrefix + clusterId;
        var secret = new Secret
        {
            Arn = $"arn:aws:secretsmanager:{world.Region}:{world.AccountId}:secret:{name}-{world.Ids.SecretArnSuffix()}",
            Name = name,
            CreatedDate = world.Now,
            LastChangedDate = world.Now,
            OwningService = "pcs",
            RotationEnabled = false,
        };
        secret.Tags.Add(new(PcsTags.ClusterId, clusterId));
        var version = new SecretVersion { VersionId = world.Ids.Uuid(), SecretString = world.Ids.Base64Key(), CreatedDate = world.Now };
        version.Stages.Add(Secret.Current);
        secret.Versions.Add(version);
        world.Secrets[secret.Arn] = secret;
        return secret;
    }

    /// <summary>The cluster a PCS-managed secret belongs to, through its <c>aws:pcs:cluster-id</c> tag.</summary>
    public static PcsCluster? OwningCluster(AwsWorld world, Secret secret)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(secret);
        var clusterId = secret.Tags.FirstOrDefault(t => t.Key == PcsTags.ClusterId).Value;
        return clusterId is null ? null : world.Clusters.GetValueOrDefault(clusterId);
    }
}
