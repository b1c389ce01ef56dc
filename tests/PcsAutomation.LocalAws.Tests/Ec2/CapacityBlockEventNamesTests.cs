using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>Both spellings AWS documents for the delivered and expiration warning events (shared/reference/README.md; guide L3506-3507).</summary>
public class CapacityBlockEventNamesTests
{
    private static Scenario Block(string? names)
    {
        var scenario = Scenario.Empty().WithCapacityBlock("block", "p5.48xlarge", 2, "+1h", "+10h");
        return names is null ? scenario : scenario.WithCapacityBlockEventNames(names);
    }

    [Theory]
    [InlineData(null, "Capacity Block Delivered", "Capacity Block Expiration Warning")]
    [InlineData("ec2-guide", "Capacity Block Delivered", "Capacity Block Expiration Warning")]
    [InlineData("pcs-guide", "Capacity Block Reservation Delivered", "Capacity Block Reservation Expiration Warning")]
    public void CapacityBlockEvents_ScenarioSpelling_DetailTypes(string? names, string delivered, string warning)
    {
        var account = new TestAccount(Block(names));

        account.Advance(TimeSpan.FromHours(11));

        Assert.Equal([delivered, warning], account.Aws.State.CapacityBlockEvents.Events.Select(e => (string?)e["detail-type"]));
    }

    [Fact]
    public void ScenarioFile_UnknownSpelling_LineAndTheAllowedValues()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("name: x\ncapacityBlockEventNames: old\n", "bad.yaml"));

        Assert.Equal("bad.yaml:2:26: the scenario: 'old' is not a spelling of the Capacity Block events; one of ec2-guide, pcs-guide.", error.Message);
    }

    [Fact]
    public void ScenarioFile_PcsGuideSpelling_AppliedToEc2()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Parse("capacityBlockEventNames: pcs-guide\n", "ok.yaml") });

        Assert.Equal(CapacityBlockEventNames.PcsGuide, aws.State.CapacityBlockEvents.Names);
        Assert.Equal(CapacityBlockEvents.ReservationDeliveredDetailType, aws.State.CapacityBlockEvents.Delivered);
    }
}
