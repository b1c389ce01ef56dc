using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class SlurmRestUsabilityTests
{
    private static readonly SlurmRestFacts Usable = new("STANDARD", "25.05", "192.0.2.1:6820", StackHasRestNetwork: true);

    [Theory]
    [InlineData(JobPolicy.Reserve)]
    [InlineData(JobPolicy.Drain)]
    [InlineData(JobPolicy.Requeue)]
    public void Decide_RestUsable_TheRequestedPolicy(JobPolicy requested)
    {
        var decision = SlurmRestUsability.Decide(requested, Usable);

        Assert.Equal((requested, requested, (string?)null), (decision.Requested, decision.Effective, decision.FallbackReason));
    }

    [Fact] // requeue needs nothing from slurmrestd: no reason to give
    public void Decide_RequeueOnAClusterWithoutRest_NoFallbackReason()
    {
        var decision = SlurmRestUsability.Decide(JobPolicy.Requeue, new SlurmRestFacts("NONE", "24.11", null, false));

        Assert.Equal(JobPolicy.Requeue, decision.Effective);
        Assert.Empty(decision.FallbackReasons);
    }

    [Theory]
    [InlineData("NONE", "REST disabled on the cluster (slurmRest mode NONE)")]
    [InlineData(null, "REST disabled on the cluster (slurmRest mode NONE)")]
    [InlineData("standard", "REST disabled on the cluster (slurmRest mode standard)")]
    public void Decide_RestDisabled_RequeueSayingTheMode(string? mode, string reason)
    {
        var decision = SlurmRestUsability.Decide(JobPolicy.Reserve, Usable with { SlurmRestMode = mode, RestEndpoint = null });

        Assert.Equal(JobPolicy.Requeue, decision.Effective);
        Assert.Equal([reason], decision.FallbackReasons);
    }

    [Theory] // guide L6707: 25.05 or later
    [InlineData("24.11", "Slurm 24.11 < 25.05")]
    [InlineData("23.11", "Slurm 23.11 < 25.05")]
    [InlineData("25.05.1", "Slurm version '25.05.1' unknown (the REST API needs 25.05 or later)")]
    [InlineData(null, "Slurm version '' unknown (the REST API needs 25.05 or later)")]
    public void Decide_OldOrUnknownSlurm_RequeueSayingTheVersion(string? version, string reason)
    {
        var decision = SlurmRestUsability.Decide(JobPolicy.Drain, Usable with { SchedulerVersion = version });

        Assert.Equal((JobPolicy.Drain, JobPolicy.Requeue), (decision.Requested, decision.Effective));
        Assert.Equal([reason], decision.FallbackReasons);
    }

    [Theory]
    [InlineData("25.05")]
    [InlineData("25.11")]
    [InlineData("26.05")]
    public void Decide_Slurm2505OrLater_Usable(string version) =>
        Assert.Equal(JobPolicy.Reserve, SlurmRestUsability.Decide(JobPolicy.Reserve, Usable with { SchedulerVersion = version }).Effective);

    [Fact]
    public void Decide_EnabledWithoutEndpoint_SaysTheClusterListsNone() =>
        Assert.Equal(["the cluster lists no SLURMRESTD endpoint"], SlurmRestUsability.Decide(JobPolicy.Reserve, Usable with { RestEndpoint = "" }).FallbackReasons);

    [Fact]
    public void Decide_StackWithoutNetwork_NamesTheStackParameters() =>
        Assert.Equal(["the stack has no SlurmRestSubnetIds/SlurmRestSecurityGroupId: its functions are not in the cluster's VPC"],
            SlurmRestUsability.Decide(JobPolicy.Reserve, Usable with { StackHasRestNetwork = false }).FallbackReasons);

    [Fact]
    public void Decide_Unreachable_QuotesTheCallersReason() =>
        Assert.Equal("endpoint unreachable: connection to 192.0.2.1:6820 timed out after 5 s",
            SlurmRestUsability.Decide(JobPolicy.Reserve, Usable with { Unreachable = "connection to 192.0.2.1:6820 timed out after 5 s" }).FallbackReason);

    [Fact] // one look fixes them all
    public void Decide_EverythingWrong_EveryReasonInOneSentence()
    {
        var decision = SlurmRestUsability.Decide(JobPolicy.Reserve, new SlurmRestFacts("NONE", "24.11", null, false, "no route to host"));

        Assert.Equal(
            "REST disabled on the cluster (slurmRest mode NONE); Slurm 24.11 < 25.05; the stack has no SlurmRestSubnetIds/SlurmRestSecurityGroupId: its functions are not in the cluster's VPC; endpoint unreachable: no route to host",
            decision.FallbackReason);
    }

    [Fact] // issue 12: reservations where the server's API has them, falling back to DRAIN where it does not
    public void Decide_ReservationsUnavailable_ReserveDrainsAndDrainIsUnchanged()
    {
        var facts = Usable with { ReservationsUnavailable = "v0.0.43 has no POST /reservation" };

        var reserve = SlurmRestUsability.Decide(JobPolicy.Reserve, facts);
        var drain = SlurmRestUsability.Decide(JobPolicy.Drain, facts);

        Assert.Equal((JobPolicy.Drain, "no reservations: v0.0.43 has no POST /reservation"), (reserve.Effective, reserve.FallbackReason));
        Assert.Equal((JobPolicy.Drain, (string?)null), (drain.Effective, drain.FallbackReason));
    }
}
