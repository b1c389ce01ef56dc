using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.SlurmRestAccess;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>
/// A cluster's slurmrestd as the job protection steps see it: the facts <see cref="SlurmRestUsability"/> decides from
/// (GetCluster, the stack's REST network, a ping) and, when usable, a connected client.
/// </summary>
public sealed record SlurmRestSession(SlurmRestFacts Facts, SlurmRestClient? Client) : IDisposable
{
    public void Dispose() => Client?.Dispose();
}

/// <summary>
/// Opens <see cref="SlurmRestSession"/>s. The signing key is the secret GetCluster names (jwtAuth.jwtKey, else authKey,
/// guide L2446-2450, L6848-6858) at the version it names; the client re-reads AWSCURRENT once after a 1007 (a rotation
/// moved the key, guide L7074-7076). The functions may read only PCS's cluster secrets (template: GetSecretValue on
/// <c>secret:pcs!slurm-secret-*</c>): a key elsewhere is <see cref="SlurmKeyOutsideScope"/>, a clear error, never a
/// silent fallback.
/// </summary>
public sealed class SlurmRestConnector(IAmazonSecretsManager secrets, TimeProvider time, Func<string, string?> getVariable)
{
    /// <summary>The secret name prefix PCS gives cluster secrets (the IAM scope of the functions that mint tokens).</summary>
    public const string ClusterSecretPrefix = ":secret:pcs!slurm-secret-";

    // One transport per process: connections pooled (SlurmRestClient.CreateHandler).
    private static readonly Lazy<HttpMessageHandler> Handler = new(SlurmRestClient.CreateHandler);

    internal static SlurmRestConnector Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SlurmRestConnector(services.Aws.CreateSecretsManager(), services.Time, services.GetVariable);
    }

    /// <summary>
    /// The facts, and a client when REST is usable. Unusable (disabled, old Slurm, no endpoint, no network) makes no call;
    /// an endpoint that does not answer, or answers with an error, is a fact (<see cref="SlurmRestFacts.Unreachable"/>),
    /// not an exception: the plan falls back and says why.
    /// </summary>
    public async Task<SlurmRestSession> OpenAsync(Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var restFacts = ClusterRestFactsMapper.From(cluster);
        var rest = restFacts.Endpoints.FirstOrDefault(e => string.Equals(e.Type, SlurmRestUsability.EndpointType, StringComparison.Ordinal));
        var facts = new SlurmRestFacts(
            restFacts.SlurmRestMode, restFacts.SlurmVersion, rest is null ? null : $"{rest.PrivateIpAddress}:{rest.Port}", SlurmRestNetwork.IsConfigured(getVariable));
        if (SlurmRestUsability.Unusable(facts).Count > 0)
            return new(facts, null);

        var availability = SlurmRestAvailability.Decide(restFacts);
        if (!availability.IsAvailable)
            return new(facts with { Unreachable = availability.Explanation }, null);
        var key = availability.Key!;
        RequireClusterSecret(cluster, key);

        SlurmRestClient? client = null;
        try
        {
            client = await SlurmRestClient.ConnectAsync(
                availability.Endpoint!, new SecretSlurmKeySource(key, new SecretsManagerSecretValueReader(secrets)),
                new SlurmRestOptions { TimeProvider = time }, Handler.Value, cancellationToken).ConfigureAwait(false);
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SlurmRestException e)
        {
            // The client's messages name the endpoint and the request, never a key or token (its README).
            client?.Dispose();
            return new(facts with { Unreachable = e.Message }, null);
        }
        return client.Capabilities.Reservations
            ? new(facts, client)
            : new(facts with { ReservationsUnavailable = $"the Slurm REST API {client.Version} of {client.Endpoint} offers none" }, client);
    }

    /// <summary>The key must be a PCS cluster secret: the only secrets these functions may read.</summary>
    public static void RequireClusterSecret(Cluster cluster, SlurmKeyReference key)
    {
        if (!key.SecretArn.Contains(ClusterSecretPrefix, StringComparison.Ordinal) || !key.SecretArn.StartsWith("arn:", StringComparison.Ordinal))
            throw new SlurmKeyOutsideScope(
                $"Cluster {cluster.Id} ({cluster.Name}) signs Slurm REST tokens with the secret {key.SecretArn}, which is not a PCS cluster secret " +
                $"(arn:...{ClusterSecretPrefix}*): the stack's functions may read only those. Use the cluster secret as the JWT key, or widen the " +
                "GetSecretValue permission of the job protection functions in template.yaml.");
    }
}
