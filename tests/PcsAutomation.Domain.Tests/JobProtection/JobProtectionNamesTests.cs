using CsCheck;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class JobProtectionNamesTests
{
    private static readonly DateTimeOffset Opening = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);

    [Fact] // the notice creates it, the rotation of that window deletes it: both derive it from the window
    public void RotationReservation_AWindow_NamedAfterTheRotationsExecution()
    {
        var name = JobProtectionNames.RotationReservation("pcs_abc1234567", Opening);

        Assert.Equal("pcs-automation-rotate-pcs_abc1234567-20260111T0200", name);
        Assert.Equal("pcs-automation-" + ExecutionNames.ForWindow(WorkflowKind.ClusterSecretRotation, "pcs_abc1234567", Opening), name);
    }

    [Fact]
    public void CapacityBlockReservation_ABlockAndEnd_NamedAfterTheExpirysExecution() =>
        Assert.Equal("pcs-automation-expire-cr-0aaaaaaaaaaaaaaa1-20260302T113000",
            JobProtectionNames.CapacityBlockReservation("cr-0aaaaaaaaaaaaaaa1", new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("rotate pcs_abc", "' '")]
    [InlineData("rotate/pcs_abc", "'/'")]
    [InlineData("rotate-pcs_abc\n", "U+000A")]
    public void Reservation_NameWithAnotherCharacter_RefusedNamingIt(string executionName, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => JobProtectionNames.Reservation(executionName));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reservation_NameLongerThanAnExecutionName_Refused() =>
        Assert.Throws<ArgumentException>(() => JobProtectionNames.Reservation(new string('a', 81)));

    [Fact]
    public void Reservation_AnyExecutionName_LettersDigitsDashUnderscoreAtMost95()
    {
        Gen.String[Gen.Char["abcxyzABCXYZ0189-_"], 1, 80].Sample(executionName =>
        {
            var name = JobProtectionNames.Reservation(executionName);
            return name.Length <= 95 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && JobProtectionNames.IsAutomation(name);
        });
    }

    [Fact]
    public void DrainReason_AnExecution_NamesItAndTheWorkflow() =>
        Assert.Equal("pcs-automation-update-pcs_abc1234567-ami-0123456789abcdef0-20260111T0200 (node-group-update)",
            JobProtectionNames.DrainReason(WorkflowKind.NodeGroupUpdate, "update-pcs_abc1234567-ami-0123456789abcdef0-20260111T0200"));

    [Theory] // only the execution that drained a node resumes it: an administrator's drain stays
    [InlineData("pcs-automation-rotate-pcs_abc-20260111T0200 (cluster-secret-rotation)", true)]
    [InlineData("pcs-automation-rotate-pcs_abc-20260104T0200 (cluster-secret-rotation)", false)]
    [InlineData("bad DIMM, ticket 4711", false)]
    [InlineData("pcs-automation-rotate-pcs_abc-20260111T0200", false)]
    [InlineData(null, false)]
    public void IsOwnDrain_NodeReason_OnlyTheExactReasonThisExecutionSet(string? reason, bool own) =>
        Assert.Equal(own, JobProtectionNames.IsOwnDrain(reason, WorkflowKind.ClusterSecretRotation, "rotate-pcs_abc-20260111T0200"));

    [Theory]
    [InlineData("pcs-automation-expire-cr-0aaaaaaaaaaaaaaa1-20260302T113000", true)]
    [InlineData("pcs-automation-rotate-x (cluster-secret-rotation)", true)]
    [InlineData("root_13", false)]
    [InlineData("gpu-b-scheduled", false)]
    [InlineData(null, false)]
    public void IsAutomation_NameOrReason_OnlyOurPrefix(string? text, bool ours) => Assert.Equal(ours, JobProtectionNames.IsAutomation(text));
}
