using PcsAutomation.States.Intrinsics;

namespace PcsAutomation.States.Tests.Intrinsics;

public class IntrinsicParserTests
{
    [Fact]
    public void Parse_NestedCallsPathsAndLiterals_BuildsTree()
    {
        var call = IntrinsicCall.Parse("States.Format('a\\'b {}', States.ArrayGetItem($.list[0], -1), $$.Execution.Id, 1.5, true, null)");
        Assert.Equal("States.Format", call.Name);
        Assert.Equal(6, call.Arguments.Count);
        Assert.Equal("a'b {}", Assert.IsType<StringArgument>(call.Arguments[0]).Value);
        var nested = Assert.IsType<IntrinsicCall>(call.Arguments[1]);
        Assert.Equal("$.list[0]", Assert.IsType<PathArgument>(nested.Arguments[0]).Path.Text);
        Assert.True(Assert.IsType<PathArgument>(call.Arguments[2]).Path.IsContext);
    }

    [Theory]
    [InlineData("States.Unknown(1)")]
    [InlineData("States.Format('x'")]
    [InlineData("States.Format('x') trailing")]
    [InlineData("States.Array(nope)")]
    [InlineData("States.Format('unterminated)")]
    public void Parse_Malformed_FormatException(string text) => Assert.Throws<FormatException>(() => IntrinsicCall.Parse(text));
}
