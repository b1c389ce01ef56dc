using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Host;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// The emulated slurmrestd of every REST-enabled cluster, behind its HTTP listener or called in process. In slurmrestd's
/// order (SchedMD/slurm branch slurm-25.05, <c>src/slurmrestd/operations.c</c> <c>operations_router</c>): injected faults
/// (the emulator's own); the token header (<c>src/slurmrestd/plugins/auth/jwt/jwt.c</c>: <c>X-SLURM-USER-TOKEN</c> or
/// <c>Authorization: Bearer</c>, not both; none is 401 "Authentication failure", text/plain); the path (404, 405); then the
/// operation, whose first call to slurmctld checks the token: a token slurmctld refuses is error 1007 "Protocol
/// authentication error" (guide L7105-7117) with HTTP 511, the status <c>_call_handler</c> gives
/// <c>SLURM_PROTOCOL_AUTHENTICATION_ERROR</c>. <c>/openapi/v3</c> calls no slurmctld, so it needs a token header but not a
/// valid token. Other errors: 2017 (unknown job) 404, 9000 (bad query) 422, the rest 500.
/// </summary>
public sealed partial class SlurmRestService(AwsWorld world, PcsFleet fleet, FaultInjector faults, CallLog calls)
{
    /// <summary>The name fault rules use for every cluster's slurmrestd (<c>new FaultRule("slurmrestd", "get_jobs")</c>).</summary>
    public const string ServiceName = "slurmrestd";

    private static JsonServiceRegistration Registration(string name) =>
        new("", name, "", name, (_, _) => throw new InvalidOperationException("slurmrestd is not an AWS service."))
        {
            ThrottlingStatus = 503,
            InternalErrorCode = "InternalError",
        };

    /// <summary>Answers a request to <paramref name="clusterIdentifier"/>'s slurmrestd (name or id).</summary>
    public SlurmRestResponse Handle(string clusterIdentifier, SlurmRestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PcsCluster cluster;
        IReadOnlyList<string> versions;
        lock (world.Gate)
        {
            cluster = world.FindCluster(clusterIdentifier) ?? throw new InvalidOperationException($"No cluster {clusterIdentifier}.");
            versions = SlurmRestRoutes.Versions(cluster.SchedulerVersion);
        }
        var (route, status, rejection) = SlurmRestRoutes.Match(request.Method.ToUpperInvariant(), request.Path, versions);
        var operation = route?.Operation ?? "unrouted";
        var response = Answer(cluster, request, route, status, rejection, operation);
        calls.Add(new CallRecord(world.Now, ServiceName, operation, response.Status, ErrorCode(response), Guid.NewGuid().ToString()));
        return response;
    }

    private SlurmRestResponse Answer(PcsCluster cluster, SlurmRestRequest request, SlurmRestRoute? route, int status, string rejection, string operation)
    {
        if (InjectedFault(cluster, operation) is { } injected) return injected;
        if (Token(request.Headers) is not { } token) return new SlurmRestResponse(401, SlurmRestResponse.Text, "Authentication failure", CloseConnection: true);
        if (route is null) return new SlurmRestResponse(status, SlurmRestResponse.Text, rejection, CloseConnection: true);
        lock (world.Gate)
        {
            if (route.Operation == SlurmRestRoutes.OpenApi)
                return new SlurmRestResponse(200, SlurmRestResponse.Json, SlurmOpenApi.Document(cluster, SlurmRestRoutes.Versions(cluster.SchedulerVersion)).ToJsonString());
            var (source, description) = FirstCall(route);
            if (Authenticate(cluster, token) is not { } identity)
                return Failed(new SlurmException(SlurmErrors.ProtocolAuthentication, description, source), route.Operation);
            try
            {
                return Run(cluster, route, request.Body, identity);
            }
            catch (SlurmException error)
            {
                return Failed(error, route.Operation);
            }
        }
    }

    /// <summary>The token of <c>X-SLURM-USER-TOKEN</c> or <c>Authorization: Bearer</c>; null when there is none, both, or another scheme.</summary>
    private static string? Token(IReadOnlyDictionary<string, string> headers)
    {
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var user = Header("X-SLURM-USER-TOKEN");
        var bearer = Header("Authorization");
        if (user is not null && bearer is not null) return null; // "mutually exclusive headers ... Rejecting ambiguous authentication request"
        if (user is not null) return user;
        return bearer is not null && bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : null;
    }

    /// <summary>The token's identity when the cluster's current key (AWSCURRENT of its secret, base64) signed it and it is valid now.</summary>
    private SlurmJwtIdentity? Authenticate(PcsCluster cluster, string token)
    {
        var value = world.Secrets.GetValueOrDefault(cluster.SecretArn)?.VersionWithStage(Secret.Current)?.SecretString;
        if (value is null) return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
        return SlurmJwt.Verify(token, key, world.Now, out _);
    }

    /// <summary>
    /// Faults for all slurmrestds (<see cref="ServiceName"/>) and for this cluster's (<c>slurmrestd/&lt;cluster name&gt;</c>):
    /// latency moves the virtual clock, an injected error is answered with its status and an <c>errors</c> entry.
    /// </summary>
    private SlurmRestResponse? InjectedFault(PcsCluster cluster, string operation)
    {
        var (latency, error) = faults.Evaluate(Registration(ServiceName), operation);
        var (ownLatency, ownError) = faults.Evaluate(Registration($"{ServiceName}/{cluster.Name}"), operation);
        if (latency + ownLatency > TimeSpan.Zero) world.Clock.Advance(latency + ownLatency);
        if ((error ?? ownError) is not { } fault) return null;
        var body = new JsonObject
        {
            ["errors"] = new JsonArray(SlurmRestJson.Error(new SlurmException(SlurmErrors.Unspecified, fault.Message, "fault injection"))),
            ["warnings"] = new JsonArray(),
        };
        return new SlurmRestResponse(fault.StatusCode, SlurmRestResponse.Json, body.ToJsonString());
    }

    private static SlurmRestResponse Ok(JsonObject body, IReadOnlyList<string> warnings)
    {
        body["errors"] ??= new JsonArray();
        body["warnings"] = new JsonArray(warnings.Select(w => (JsonNode)new JsonObject { ["description"] = w, ["source"] = "data_parser" }).ToArray());
        return new SlurmRestResponse(200, SlurmRestResponse.Json, body.ToJsonString());
    }

    /// <summary>The operation's response with its lists empty and the error; the status from slurmrestd's <c>_call_handler</c>.</summary>
    private static SlurmRestResponse Failed(SlurmException error, string operation)
    {
        var body = EmptyResponse(operation);
        body["errors"] = new JsonArray(SlurmRestJson.Error(error));
        body["warnings"] = new JsonArray();
        var status = error.ErrorNumber switch
        {
            SlurmErrors.ProtocolAuthentication => 511,
            SlurmErrors.InvalidJobId => 404,
            SlurmErrors.RestInvalidQuery => 422,
            _ => 500,
        };
        return new SlurmRestResponse(status, SlurmRestResponse.Json, body.ToJsonString());
    }

    private static string? ErrorCode(SlurmRestResponse response)
    {
        if (response.Status == 200) return null;
        if (response.ContentType != SlurmRestResponse.Json) return response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var errors = JsonNode.Parse(response.Body)?["errors"]?.AsArray();
        return errors?.FirstOrDefault()?["error_number"]?.ToString();
    }
}
