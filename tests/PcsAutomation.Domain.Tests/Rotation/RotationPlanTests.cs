using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RotationPlanTests
{
    private const string Arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd-a12ABC";

    [Fact]
    public void Create_UnsortedDuplicates_SortedDistinctWithEstimate()
    {
        var plan = RotationPlan.Create(
            "pcs_123456abcd",
            "demo",
            "ACTIVE",
            Arn,
            "v1",
            [new("pcs_ng2", "login", 1, 1), new("pcs_ng1", "compute", 0, 8), new("pcs_ng2", "login", 1, 1)],
            ["i-2", "i-1", "i-2"],
            ["i-9"],
            MaintenanceWindow.Parse("sun:02:00-sun:06:00", "t"),
            dryRun: true);

        Assert.Equal(["pcs_ng1", "pcs_ng2"], plan.NodeGroups.Select(g => g.NodeGroupId));
        Assert.Equal(["i-1", "i-2"], plan.InstancesUp);
        Assert.Equal(["i-9"], plan.LoginInstances);
        Assert.Equal((long)DowntimeEstimate.For(2, 2).TotalSeconds, plan.ExpectedDowntimeSeconds);
        Assert.Equal("sun:02:00-sun:06:00", plan.MaintenanceWindow);
        Assert.True(plan.DryRun);
        Assert.Equal(new NodeGroupScaling("pcs_ng1", "compute", 0, 8), plan.NodeGroups[0]);
    }
}
