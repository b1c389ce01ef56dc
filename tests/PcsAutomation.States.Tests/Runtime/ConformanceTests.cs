using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>One test per rule: each named case runs on the engine and must give the specified output or error.</summary>
public class ConformanceTests
{
    public static TheoryData<string> DataFlowCases => ConformanceCases.Names(ConformanceCases.DataFlow);

    public static TheoryData<string> IntrinsicCases => ConformanceCases.Names(ConformanceCases.Intrinsics);

    public static TheoryData<string> ChoiceCases => ConformanceCases.Names(ConformanceCases.Choice);

    public static TheoryData<string> FlowCases => ConformanceCases.Names(ConformanceCases.Flow);

    [Theory]
    [MemberData(nameof(DataFlowCases))]
    public Task DataFlow_Case_MatchesSpecification(string name) => Check(name);

    [Theory]
    [MemberData(nameof(IntrinsicCases))]
    public Task Intrinsic_Case_MatchesSpecification(string name) => Check(name);

    [Theory]
    [MemberData(nameof(ChoiceCases))]
    public Task Choice_Case_MatchesSpecification(string name) => Check(name);

    [Theory]
    [MemberData(nameof(FlowCases))]
    public Task Flow_Case_MatchesSpecification(string name) => Check(name);

    private static async Task Check(string name)
    {
        var c = ConformanceCases.Get(name);
        var execution = await Harness.RunOnceAsync(c.Definition, c.Input);
        if (c.Error is not null)
        {
            Assert.True(execution.Status == ExecutionStatus.Failed, $"expected {c.Error}, got {execution.Status} {execution.Output}");
            Assert.Equal(c.Error, execution.Error);
        }
        else
        {
            Harness.AssertJson(c.Output!, Harness.Output(execution));
        }
    }
}
