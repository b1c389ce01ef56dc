using System.Text.Json.Nodes;
using PcsAutomation.States.Json;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Json;

public class JsonPathTests
{
    private static readonly JsonNode Doc = JsonNode.Parse("""
        {"a":{"b":[10,20,30,40]},"items":[{"id":1,"n":5},{"id":2,"n":15}],"weird key":{"x":1},"deep":{"k":{"id":9}}}
        """)!;

    [Theory]
    [InlineData("$", null)]
    [InlineData("$.a.b[1]", "20")]
    [InlineData("$.a.b[-1]", "40")]
    [InlineData("$['weird key'].x", "1")]
    [InlineData("$.a.b[1:3]", "[20,30]")]
    [InlineData("$.a.b[::2]", "[10,30]")]
    [InlineData("$.a.b[0,2]", "[10,30]")]
    [InlineData("$.items[*].id", "[1,2]")]
    [InlineData("$..id", "[1,2,9]")]
    [InlineData("$.items[?(@.n >= 10)].id", "[2]")]
    [InlineData("$.items[?(@.id)].n", "[5,15]")]
    public void Select_Expression_GivesExpected(string path, string? expected)
    {
        Assert.True(JsonPath.Parse(path).TrySelect(Doc, out var value));
        Harness.AssertJson(expected ?? Doc.ToJsonString(), value);
    }

    [Theory]
    [InlineData("$.nope")]
    [InlineData("$.a.b[9]")]
    [InlineData("$.a.b.c")]
    public void Select_DefiniteMissing_False(string path) => Assert.False(JsonPath.Parse(path).TrySelect(Doc, out _));

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$.a[")]
    [InlineData("$.a[?(@.x ~ 1)]")]
    public void Parse_Invalid_FormatException(string path) => Assert.False(JsonPath.TryParse(path, out _, out _));

    [Fact]
    public void Parse_ContextPath_IsContextAndReference()
    {
        var path = JsonPath.Parse("$$.Execution.Id");
        Assert.True(path.IsContext);
        Assert.True(path.IsReference);
        Assert.False(JsonPath.Parse("$.a[*]").IsReference);
    }
}
