using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using static PcsAutomation.LocalAws.Tests.Pcs.AmiReplacementTests;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>
/// A scenario AMI marked broken: its instances launch and run but never register, and shut themselves down when the
/// registration timeout (600 s) is reached (guide L11090-11107); PCS keeps launching new ones (guide L10984).
/// </summary>
public class BrokenImageTests
{
    private const string Broken = "ami-0bad0bad0bad0bad1";

    private static TestAccount Account() =>
        new(Scenario.Cluster("c").WithNodeGroup("compute-1", 1, 1).WithImage("team-pcs-broken", id: Broken, broken: true));

    private static void UpdateToBroken(TestAccount account) =>
        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"{{Broken}}"}""");

    [Fact]
    public void UpdateToBrokenAmi_NewInstanceRunsTenMinutesThenShutsItselfDownAndIsRelaunched()
    {
        var account = Account();
        account.Advance(TimeSpan.FromMinutes(5));
        var healthy = Assert.Single(Described(account, "c", "compute-1")).Id;
        UpdateToBroken(account);
        account.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(90)); // ACTIVE, old one replaced, new one booted
        var first = Described(account, "c", "compute-1").Single(i => i.State == "running");

        account.Advance(TimeSpan.FromSeconds(599));
        var justBefore = Described(account, "c", "compute-1").Single(i => i.Id == first.Id);
        account.Advance(TimeSpan.FromSeconds(1));
        var atTimeout = Described(account, "c", "compute-1");
        account.Advance(TimeSpan.FromSeconds(60));
        var afterShutdown = Described(account, "c", "compute-1");

        Assert.Equal((Broken, "running"), (first.Image, first.State));
        Assert.Equal("terminated", Described(account, "c", "compute-1").Single(i => i.Id == healthy).State);
        Assert.Equal("running", justBefore.State);
        Assert.Equal(("shutting-down", "Client.InstanceInitiatedShutdown"), atTimeout.Where(i => i.Id == first.Id).Select(i => (i.State, i.Reason)).Single());
        var retry = atTimeout.Single(i => i.State == "pending"); // the capacity is still needed: another launch attempt
        Assert.Equal(Broken, retry.Image);
        Assert.Equal("terminated", afterShutdown.Single(i => i.Id == first.Id).State);
    }

    [Fact] // guide L10984: "instances are replaced continuously"
    public void BrokenAmi_AnHourLater_SeveralAttemptsNoneRegistered()
    {
        var account = Account();
        account.Advance(TimeSpan.FromMinutes(5));
        UpdateToBroken(account);

        account.Advance(TimeSpan.FromHours(1));
        var attempts = Described(account, "c", "compute-1").Where(i => i.Image == Broken).ToList();
        var instances = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).Where(i => i.ImageId == Broken).ToList();

        Assert.InRange(attempts.Count, 5, 6); // one every 90 s boot + 600 s
        Assert.All(attempts.Where(i => i.State == "terminated"), i => Assert.Equal("Client.InstanceInitiatedShutdown", i.Reason));
        Assert.All(instances, i => Assert.True(i.NeverRegisters));
        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status); // nothing in PCS's own status shows it (README)
    }

    [Fact] // guide L11028-11031: Slurm allocates nodes once they have registered and joined
    public void SetBusy_NodeThatNeverRegisters_RunsNoJob()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithImage("team-pcs-broken", id: Broken, broken: true)
            .WithNodeGroup("compute-1", 0, 2));
        UpdateToBroken(account);
        account.Advance(TimeSpan.FromMinutes(3));

        account.Aws.Scenarios.SetDemand(account.Cluster("c"), account.Group("c", "compute-1"), 1, TimeSpan.FromHours(1));

        var node = Assert.Single(account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id));
        Assert.True(node.IsIdleAt(account.Aws.Clock.GetUtcNow()));
    }

    [Fact]
    public void ScenarioImage_NotBroken_InstancesKeepRunning()
    {
        const string good = "ami-0600d600d600d6001";
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 1, 1).WithImage("team-pcs-good", id: good));
        account.Advance(TimeSpan.FromMinutes(5));
        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"{{good}}"}""");

        account.Advance(TimeSpan.FromHours(1));

        Assert.Equal([(good, "running")], Described(account, "c", "compute-1").Where(i => i.Image == good).Select(i => (i.Image, i.State)));
    }
}
