using PcsAutomation.Slurm.Model;

namespace PcsAutomation.Slurm.Tests.Model;

public sealed class SlurmDrainReasonTests
{
    [Fact]
    public void For_WorkflowAndExecution_NamesBoth()
    {
        Assert.Equal("pcs-automation: node-group-update exec-42", SlurmDrainReason.For("node-group-update", "exec-42"));
        Assert.True(SlurmDrainReason.IsOurs("pcs-automation: node-group-update exec-42"));
        Assert.False(SlurmDrainReason.IsOurs("bad DIMM"));
        Assert.False(SlurmDrainReason.IsOurs(null));
    }

    [Fact]
    public void DrainedBy_OtherExecutionsReason_False()
    {
        var node = new SlurmNode { Name = "n1", States = ["IDLE", "DRAIN"], Reason = SlurmDrainReason.For("cluster-secret-rotation", "run-1") };

        Assert.True(SlurmDrainReason.DrainedBy(node, "cluster-secret-rotation", "run-1"));
        Assert.False(SlurmDrainReason.DrainedBy(node, "cluster-secret-rotation", "run-2"));
        Assert.False(SlurmDrainReason.DrainedBy(node with { States = ["IDLE"] }, "cluster-secret-rotation", "run-1"));
    }

    [Fact]
    public void For_ExecutionWithASpace_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SlurmDrainReason.For("rotation", "run 1"));

        Assert.Equal("executionName", error.ParamName);
    }
}

public sealed class SlurmMaintenanceReservationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NameFor_ExecutionName_OnlySafeCharacters()
    {
        Assert.Equal("pcs-automation-rot-demo-20260105T0800-1", SlurmMaintenanceReservation.NameFor("rot:demo/20260105T0800 1"));
    }

    [Fact]
    public void Constructor_EndNotAfterStart_ThrowsNamingTheReservation()
    {
        var error = Assert.Throws<ArgumentException>(() => new SlurmMaintenanceReservation("r1", ["n1"], Start, Start, "c"));

        Assert.Equal("end", error.ParamName);
        Assert.Contains("Reservation r1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoNode_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SlurmMaintenanceReservation("r1", [], Start, Start.AddHours(1), "c"));

        Assert.Equal("nodeNames", error.ParamName);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a,b")]
    public void Constructor_BadName_Throws(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new SlurmMaintenanceReservation(name, ["n1"], Start, Start.AddHours(1), "c"));

        Assert.Equal("name", error.ParamName);
    }
}
