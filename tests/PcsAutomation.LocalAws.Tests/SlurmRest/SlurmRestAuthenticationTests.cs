using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>How the emulated slurmrestd authenticates (guide L6885-6890, L7105-7117; slurmrestd 25.05 rest_auth/jwt and operations.c).</summary>
public class SlurmRestAuthenticationTests
{
    private const string Jobs = "/slurm/v0.0.43/jobs/";

    [Fact] // guide L6885-6890: Authorization: Bearer or X-SLURM-USER-TOKEN
    public void Request_EitherTokenHeader_Accepted()
    {
        var account = new RestAccount();
        var token = account.Token();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-SLURM-USER-TOKEN"] = token };

        var bearer = account.Aws.SlurmRest.Send(RestAccount.Cluster, SlurmRestRequest.WithBearer("GET", Jobs, token));
        var slurmHeader = account.Aws.SlurmRest.Send(RestAccount.Cluster, new SlurmRestRequest("GET", Jobs, headers));

        Assert.Equal((200, 200), (bearer.Status, slurmHeader.Status));
    }

    [Fact] // jwt.c: no token header is ESLURM_AUTH_SKIP, which operations.c answers 401 "Authentication failure"
    public void Request_NoToken_401AuthenticationFailureAsText()
    {
        var account = new RestAccount();

        var response = account.Aws.SlurmRest.Send(RestAccount.Cluster, new SlurmRestRequest("GET", Jobs, new Dictionary<string, string>()));

        Assert.Equal((401, "text/plain", "Authentication failure", true), (response.Status, response.ContentType, response.Body, response.CloseConnection));
    }

    [Theory] // jwt.c: both headers are "mutually exclusive ... ambiguous"; an Authorization header must start with "Bearer "
    [InlineData(true, "Bearer")]
    [InlineData(false, "Basic")]
    public void Request_AmbiguousOrOtherScheme_401(bool bothHeaders, string scheme)
    {
        var account = new RestAccount();
        var token = account.Token();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = $"{scheme} {token}" };
        if (bothHeaders) headers["X-SLURM-USER-TOKEN"] = token;

        Assert.Equal(401, account.Aws.SlurmRest.Send(RestAccount.Cluster, new SlurmRestRequest("GET", Jobs, headers)).Status);
    }

    [Fact] // issue 12: a token signed with the old key is refused after rotation, error 1007 in the guide's shape (L7105-7117)
    public void Token_SignedWithRotatedOutKey_1007ProtocolAuthenticationErrorWith511()
    {
        var account = new RestAccount();
        var oldToken = SlurmTokens.Mint(SlurmTokens.CurrentKey(account.Aws, RestAccount.Cluster), account.Now, TimeSpan.FromHours(1));
        var arn = account.Aws.State.FindCluster(RestAccount.Cluster)!.SecretArn;
        Assert.Equal(200, account.Send("GET", Jobs, token: oldToken).Status);

        account.Aws.Call("secretsmanager", "RotateSecret", new JsonObject { ["SecretId"] = arn });
        account.Advance(TimeSpan.FromMinutes(3)); // managed rotation completes after 2 minutes (no instance is up)
        var (status, error) = account.Fails("GET", Jobs, token: oldToken);

        Assert.Equal(511, status); // operations.c: SLURM_PROTOCOL_AUTHENTICATION_ERROR -> Network Authentication Required
        Assert.Equal(1007, (int)error["error_number"]!);
        Assert.Equal("Protocol authentication error", (string)error["error"]!);
        Assert.Equal(("Unable to query jobs", "slurm_load_jobs()"), ((string)error["description"]!, (string)error["source"]!));
        Assert.Equal(200, account.Send("GET", Jobs).Status); // a token of the new key works
    }

    [Fact] // exp on the virtual clock: the token that worked fails once the clock passes its expiry
    public void Token_ExpiresOnTheVirtualClock_Then1007()
    {
        var account = new RestAccount();
        var token = SlurmTokens.Mint(SlurmTokens.CurrentKey(account.Aws, RestAccount.Cluster), account.Now, TimeSpan.FromMinutes(5));
        Assert.Equal(200, account.Send("GET", Jobs, token: token).Status);

        account.Advance(TimeSpan.FromMinutes(6));

        var (status, error) = account.Fails("GET", Jobs, token: token);
        Assert.Equal((511, 1007), (status, (int)error["error_number"]!));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public void Token_Malformed_1007(string token)
    {
        var account = new RestAccount();

        var (status, error) = account.Fails("GET", "/slurm/v0.0.43/nodes/", token: token);

        Assert.Equal((511, 1007, "_dump_nodes"), (status, (int)error["error_number"]!, (string)error["source"]!));
        Assert.Empty(JsonNode.Parse(account.Send("GET", "/slurm/v0.0.43/nodes/", token: token).Body)!["nodes"]!.AsArray());
    }

    [Fact] // openapi.c: the document calls no slurmctld, so any token header passes; none is still 401
    public void OpenApi_AnyTokenHeader_ServedWithoutCheckingIt()
    {
        var account = new RestAccount();

        Assert.Equal(200, account.Send("GET", "/openapi/v3", token: "not-a-token").Status);
        Assert.Equal(401, account.Aws.SlurmRest.Send(RestAccount.Cluster, new SlurmRestRequest("GET", "/openapi/v3", new Dictionary<string, string>())).Status);
    }

    [Fact] // no secret value or token reaches the call log
    public void CallLog_RefusedToken_RecordsTheErrorNumberNotTheToken()
    {
        var account = new RestAccount();
        var token = SlurmTokens.Mint(new byte[32], account.Now);

        account.Send("GET", Jobs, token: token);

        var call = account.Aws.Calls.Of(SlurmRestService.ServiceName).Single();
        Assert.Equal(("get_jobs", 511, "1007"), (call.Operation, call.Status, call.ErrorCode));
        Assert.DoesNotContain(token, call.ToString(), StringComparison.Ordinal);
    }
}
