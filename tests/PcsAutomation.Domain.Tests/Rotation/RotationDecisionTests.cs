using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RotationDecisionTests
{
    [Fact]
    public void RotationDecision_SameValues_AreEqual()
    {
        Assert.Equal(new RotationDecision(false, "not managed", null), new RotationDecision(false, "not managed", null));
    }
}
