using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

public class SmokeTests
{
    [Fact]
    public async Task Execution_PassWaitSucceed_SucceedsAfterVirtualWait()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync("""
            {"StartAt":"P","States":{
              "P":{"Type":"Pass","Result":{"a":1},"ResultPath":"$.r","Next":"W"},
              "W":{"Type":"Wait","Seconds":3600,"Next":"S"},
              "S":{"Type":"Succeed"}}}
            """, """{"x":true}""");
        Harness.AssertJson("""{"x":true,"r":{"a":1}}""", Harness.Output(execution));
        Assert.Equal(TimeSpan.FromHours(1), harness.Clock.GetUtcNow() - Harness.Epoch);
        Assert.Equal(3, execution.StateTransitions);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }
}
