using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>Faults of the emulated slurmrestd through the emulator's fault rules (service <c>slurmrestd</c>, or <c>slurmrestd/&lt;cluster&gt;</c>).</summary>
public class SlurmRestFaultTests
{
    [Fact] // slow: the answer takes virtual time
    public void Latency_SlowSlurmrestd_VirtualClockMovesByIt()
    {
        var account = new RestAccount();
        var token = account.Token();
        account.Aws.Faults.Add(new FaultRule(SlurmRestService.ServiceName, "get_jobs") { Latency = TimeSpan.FromSeconds(40) });
        var before = account.Now;

        Assert.Equal(200, account.Send("GET", "/slurm/v0.0.43/jobs/", token: token).Status);

        Assert.Equal(TimeSpan.FromSeconds(40), account.Now - before);
    }

    [Fact] // 5xx: the injected status with an errors entry; the next call is normal
    public void ServerError_Injected_500ThenNormal()
    {
        var account = new RestAccount();
        account.Aws.Faults.Add(new FaultRule(SlurmRestService.ServiceName) { FailOnNthCall = 1, ForcedErrorStatus = 502, ForcedErrorMessage = "Injected bad gateway." });

        var (status, error) = account.Fails("GET", "/slurm/v0.0.43/nodes/");

        Assert.Equal((502, "Injected bad gateway."), (status, (string)error["description"]!));
        Assert.Equal(200, account.Send("GET", "/slurm/v0.0.43/nodes/").Status);
    }

    [Fact] // slurmrestd/<cluster>: one cluster's slurmrestd fails, the other's answers
    public void ServerError_OneCluster_OtherClusterUnaffected()
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g")
            .AndCluster("other").WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g"));
        account.Aws.Faults.Add(new FaultRule($"{SlurmRestService.ServiceName}/c") { ServerErrorRate = 1 });
        var otherToken = SlurmTokens.Mint(SlurmTokens.CurrentKey(account.Aws, "other"), account.Now);

        var failing = account.Send("GET", "/slurm/v0.0.43/ping/");
        var other = account.Aws.SlurmRest.Send("other", SlurmRestRequest.WithBearer("GET", "/slurm/v0.0.43/ping/", otherToken));

        Assert.Equal((500, 200), (failing.Status, other.Status));
    }

    [Fact] // each cluster has its own key: a token of one is refused by the other
    public void Token_OfAnotherCluster_1007()
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g")
            .AndCluster("other").WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g"));
        var otherToken = SlurmTokens.Mint(SlurmTokens.CurrentKey(account.Aws, "other"), account.Now);

        Assert.Equal(511, account.Send("GET", "/slurm/v0.0.43/ping/", token: otherToken).Status);
    }
}
