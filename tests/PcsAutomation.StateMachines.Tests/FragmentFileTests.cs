using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

public class FragmentFileTests
{
    [Fact]
    public void Parse_WellFormedFragment_KeepsCommentParametersAndDefaults()
    {
        var poll = Fragments.Poll;

        Assert.Equal("poll", poll.Name);
        Assert.Equal("check, wait, check", poll.Comment);
        Assert.Equal(["max", "name", "next"], poll.Parameters.Keys.Order(StringComparer.Ordinal));
        Assert.False(poll.Parameters["next"].HasDefault);
        Assert.True(poll.Parameters["max"].HasDefault);
        Assert.Equal(20, (int)poll.Parameters["max"].Default!);
    }

    [Fact]
    public void Parse_NullDefault_IsADefault()
    {
        var fragment = Fragments.Of("x", """{ "Comment": "c", "Parameters": { "p": { "Comment": "c", "Default": null } }, "Fragment": ["{{p}}"] }""");

        Assert.True(fragment.Parameters["p"].HasDefault);
        Assert.Null(fragment.Parameters["p"].Default);
    }

    [Theory]
    [InlineData("""{ "Comment": "c", "Parameters": {}, "Fragment": { "Next": "{{next}}" } }""", "{{next}} is used in Fragment but not declared")]
    [InlineData("""{ "Comment": "c", "Parameters": { "next": { "Comment": "c" } }, "Fragment": { "Next": "End" } }""", "parameter 'next' is declared but Fragment never uses")]
    [InlineData("""{ "Comment": "c", "Parameters": {}, "Fragment": {}, "Extra": 1 }""", "unknown key 'Extra'")]
    [InlineData("""{ "Comment": "", "Parameters": {}, "Fragment": {} }""", "Comment must be a non-empty string")]
    [InlineData("""{ "Comment": "c", "Parameters": {} }""", "Fragment is missing")]
    [InlineData("""{ "Comment": "c", "Parameters": { "next": "the next state" }, "Fragment": "{{next}}" }""", "declare a parameter as")]
    [InlineData("""{ "Comment": "c", "Parameters": { "next": { "Comment": "c", "Defualt": 1 } }, "Fragment": "{{next}}" }""", "unknown key 'Defualt'")]
    [InlineData("""{ "Comment": "c", "Parameters": { "next-state": { "Comment": "c" } }, "Fragment": {} }""", "a parameter name is letters and digits")]
    [InlineData("""{ "Comment": "c", "Parameters": { "a": { "Comment": "c", "Default": "{{b}}" } }, "Fragment": "{{a}}" }""", "{{b}} is not another parameter of the fragment")]
    [InlineData("""{ "Comment": "c", "Parameters": { "a": { "Comment": "c", "Default": "{{a}}" } }, "Fragment": "{{a}}" }""", "{{a}} is not another parameter of the fragment")]
    [InlineData("""{ "Comment": "c", "Parameters": { "a": { "Comment": "c", "Default": "x{{b}}" }, "b": { "Comment": "c" } }, "Fragment": ["{{a}}", "{{b}}"] }""", "a Default with a placeholder must be exactly one")]
    [InlineData("""{ "Comment": "c", "Parameters": { "a": { "Comment": "c", "Default": "{{b}}" }, "b": { "Comment": "c", "Default": "{{c}}" }, "c": { "Comment": "c" } }, "Fragment": ["{{a}}", "{{b}}", "{{c}}"] }""", "{{b}} has a parameter as its default too")]
    [InlineData("""{ "Comment": "c", "Fragment": { "A": 1, "A": 2 } }""", "not valid JSON")]
    [InlineData("""[1, 2]""", "a fragment file is an object")]
    public void Parse_BadFragment_FailsNamingTheFileAndTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FragmentException>(() => FragmentFile.Parse("bad", json, "statemachines/fragments/bad.json"));

        Assert.StartsWith("statemachines/fragments/bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LeaseAcquire")]
    [InlineData("lease_acquire")]
    [InlineData("lease-")]
    public void Parse_FileNameNotKebabCase_Fails(string name)
    {
        var error = Assert.Throws<FragmentException>(() => FragmentFile.Parse(name, """{ "Comment": "c", "Fragment": {} }""", $"fragments/{name}.json"));

        Assert.Contains("lower-case words joined by '-'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_TwoFragmentsWithOneName_Fails()
    {
        var error = Assert.Throws<FragmentException>(() => Fragments.Library(Fragments.Retry, Fragments.Retry));

        Assert.Contains("a second fragment named 'retry'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_UnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<FragmentException>(() => Fragments.Library(Fragments.Retry, Fragments.Poll).Get("pol", "src/x.json States.A"));

        Assert.Equal("src/x.json States.A: no fragment 'pol' (known: poll, retry)", error.Message);
    }
}
