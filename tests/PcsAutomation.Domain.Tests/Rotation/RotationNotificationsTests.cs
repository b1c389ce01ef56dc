using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RotationNotificationsTests
{
    private static readonly LeaseScaling Saved = new([new NodeGroupScaling("pcs_a", "compute-a", 0, 8)], Restored: true);

    [Fact] // guide L2396, L2460-2462: existing JWTs become invalid after the rotation
    public void Compose_Succeeded_TellsThatJwtsAreInvalid()
    {
        var n = RotationNotifications.Compose("Succeeded", "pcs_c", "demo", "arn:x", new RotationNotificationFacts("v1", "v2", "v2", "SUCCEEDED"), Saved);

        Assert.Contains("JWT", n.Message, StringComparison.Ordinal);
        Assert.Contains("compute-a 0/8", n.Message, StringComparison.Ordinal);
        Assert.Equal("PCS Cluster Secret Rotation Succeeded", n.DetailType);
    }

    [Fact] // guide L2417: inform the cluster's users of the coming maintenance window
    public void Compose_AdvanceNotice_GivesTheWindowAndWarnsJobsStop()
    {
        var n = RotationNotifications.Compose("AdvanceNotice", "pcs_c", "demo", "arn:x",
            new RotationNotificationFacts(MaintenanceWindow: "sun:02:00-sun:06:00", WindowOpensAt: new DateTimeOffset(2026, 1, 4, 2, 0, 0, TimeSpan.Zero)), null);

        Assert.Contains("2026-01-04T02:00Z", n.Message, StringComparison.Ordinal);
        Assert.Contains("running jobs will stop", n.Message, StringComparison.Ordinal);
        Assert.Equal("PCS Cluster Secret Rotation Scheduled", n.DetailType);
    }

    [Fact]
    public void Compose_UnknownEvent_ArgumentExceptionNamingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => RotationNotifications.Compose("Boom", "pcs_c", "demo", "arn:x", new RotationNotificationFacts(), null));

        Assert.Contains("AdvanceNotice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("tab\there", "tab here")]
    public void Subject_ControlCharacters_BecomeSpaces(string text, string expected) => Assert.Equal(expected, NotificationText.Subject(text));

    [Fact]
    public void Subject_TooLong_CutBelowOneHundredCharacters()
    {
        var subject = NotificationText.Subject(new string('x', 300));

        Assert.Equal(99, subject.Length);
        Assert.EndsWith("...", subject, StringComparison.Ordinal);
    }
}
