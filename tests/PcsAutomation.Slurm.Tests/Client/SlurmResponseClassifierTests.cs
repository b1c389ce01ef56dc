using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Slurm.Tests.Client;

public sealed class SlurmResponseClassifierTests
{
    private static readonly SlurmError Busy = new(2016, "Requested nodes are busy", null, null);
    private static readonly SlurmError Auth = new(1007, "Protocol authentication error", null, null);

    [Theory]
    [InlineData(200, false, "Success")]
    [InlineData(200, true, "Failed")]
    [InlineData(511, false, "KeyRefused")]
    [InlineData(401, false, "Unauthenticated")]
    [InlineData(500, false, "Transient")]
    [InlineData(500, true, "Failed")]
    [InlineData(502, true, "Transient")]
    [InlineData(503, false, "Transient")]
    [InlineData(504, false, "Transient")]
    [InlineData(422, true, "Failed")]
    [InlineData(404, false, "Failed")]
    public void Classify_StatusAndErrors_Kind(int status, bool slurmError, string expected)
    {
        Assert.Equal(expected, SlurmResponseClassifier.Classify(status, slurmError ? [Busy] : []).ToString());
    }

    [Fact]
    public void Classify_Error1007WithAnyStatus_KeyRefused()
    {
        Assert.Equal(SlurmAnswerKind.KeyRefused, SlurmResponseClassifier.Classify(500, [Auth]));
    }
}
