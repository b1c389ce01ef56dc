using System.Text.Json.Nodes;
using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

public class ExpanderTests
{
    private static readonly FragmentLibrary Library = Fragments.Library(Fragments.Retry, Fragments.Poll);

    private static JsonNode? Expand(string json, FragmentLibrary? library = null) =>
        new Expander(library ?? Library).Expand(Fragments.Json(json), "src/x.json $");

    [Fact]
    public void Expand_MemberReference_SplicesTheStatesInPlaceAndInOrder()
    {
        var result = Expand("""
            { "States": {
                "First": { "Type": "Pass", "Next": "Check" },
                "Check": { "$fragment": "poll", "next": "Last" },
                "Last": { "Type": "Succeed" } } }
            """)!;

        Assert.Equal(["First", "Check", "IsCheckDone", "Last"], result["States"]!.AsObject().Select(p => p.Key));
        Assert.Equal("IsCheckDone", (string?)result["States"]!["Check"]!["Next"]);
        Assert.Equal("Last", (string?)result["States"]!["IsCheckDone"]!["Choices"]![0]!["Next"]);
    }

    [Fact]
    public void Expand_DefaultLeftOutOrGiven_UsesTheValueAsJson()
    {
        var byDefault = Expand("""{ "Check": { "$fragment": "poll", "next": "End" } }""")!;
        var given = Expand("""{ "Check": { "$fragment": "poll", "next": "End", "max": 5 } }""")!;

        Assert.Equal(20, (int)byDefault["IsCheckDone"]!["Choices"]![0]!["NumericGreaterThanEquals"]!);
        Assert.Equal(5, (int)given["IsCheckDone"]!["Choices"]![0]!["NumericGreaterThanEquals"]!);
    }

    [Fact]
    public void Expand_DefaultNamingAnotherParameter_TakesThatParametersValueUnlessGiven()
    {
        var labelled = Fragments.Of("labelled", """
            { "Comment": "c", "Parameters": {
                "name": { "Comment": "the state" }, "event": { "Comment": "the suffix" },
                "sent": { "Comment": "what is sent", "Default": "{{event}}" } },
              "Fragment": { "{{name}}": { "Type": "Pass", "Result": "{{sent}}", "Next": "After{{event}}" } } }
            """);
        var library = Fragments.Library(labelled);

        var byDefault = Expand("""{ "S": { "$fragment": "labelled", "event": "Started" } }""", library)!;
        var given = Expand("""{ "S": { "$fragment": "labelled", "event": "Notice", "sent": { "path": "$.event" } } }""", library)!;

        Assert.Equal(("Started", "AfterStarted"), ((string?)byDefault["S"]!["Result"], (string?)byDefault["S"]!["Next"]));
        Assert.Equal(("""{"path":"$.event"}""", "AfterNotice"), (given["S"]!["Result"]!.ToJsonString(), (string?)given["S"]!["Next"]));
    }

    [Fact]
    public void Expand_ArrayElementReference_IsReplacedByTheFragment()
    {
        var result = Expand("""{ "Retry": [ { "$fragment": "retry" }, { "ErrorEquals": ["Other"] } ] }""")!;

        Assert.Equal("""{"Retry":[{"ErrorEquals":["Transient"],"MaxAttempts":3},{"ErrorEquals":["Other"]}]}""", result.ToJsonString());
    }

    [Fact]
    public void Expand_FragmentGivingAnArray_SplicesItsElements()
    {
        var pair = Fragments.Of("pair", """{ "Comment": "two retriers", "Fragment": [ { "$fragment": "retry" }, { "ErrorEquals": ["B"] } ] }""");

        var result = Expand("""{ "Retry": [ { "$fragment": "pair" }, { "ErrorEquals": ["C"] } ] }""", Fragments.Library(Fragments.Retry, pair))!;

        Assert.Equal(["Transient", "B", "C"], result["Retry"]!.AsArray().Select(r => (string)r!["ErrorEquals"]![0]!));
    }

    [Fact]
    public void Expand_NestedReferences_AreExpandedAndReportedAsUsed()
    {
        var expander = new Expander(Library);

        var result = expander.Expand(Fragments.Json("""{ "Check": { "$fragment": "poll", "next": "End" } }"""), "src/x.json")!;

        Assert.Equal(3, (int)result["Check"]!["Retry"]![0]!["MaxAttempts"]!);
        Assert.Equal(["poll", "retry"], expander.Used);
        Assert.DoesNotContain("$fragment", result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_SourceIsNotChanged()
    {
        var source = Fragments.Json("""{ "Check": { "$fragment": "poll", "next": "End" } }""");
        var before = source.ToJsonString();

        new Expander(Library).Expand(source, "src/x.json");

        Assert.Equal(before, source.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "Check": { "$fragment": "poll" } }""", "src/x.json $.Check: fragment 'poll' needs \"next\": after it")]
    [InlineData("""{ "Check": { "$fragment": "poll", "next": "End", "nxt": "End" } }""", "src/x.json $.Check: fragment 'poll' has no parameter 'nxt' (its parameters: max, name, next)")]
    [InlineData("""{ "Check": { "$fragment": "poll", "next": "End", "name": "Other" } }""", "the key 'Check' is the fragment's name; leave \"name\" out")]
    [InlineData("""{ "Retry": [ { "$fragment": "poll", "next": "End" } ] }""", "src/x.json $.Retry[0]: fragment 'poll' needs \"name\"")]
    [InlineData("""{ "Retry": { "$fragment": "retry" } }""", "fragment 'retry' takes no name, so it cannot stand for members")]
    [InlineData("""{ "Check": { "$fragment": 3 } }""", "src/x.json $.Check: $fragment must name a fragment file")]
    [InlineData("""{ "Check": { "$fragment": "pol" } }""", "no fragment 'pol'")]
    [InlineData("""{ "IsCheckDone": 1, "Check": { "$fragment": "poll", "next": "End" } }""", "'IsCheckDone' is defined twice")]
    [InlineData("""{ "$fragment": "retry" }""", "not a whole value")]
    public void Expand_BadReference_FailsNamingWhereAndWhat(string json, string expected)
    {
        var error = Assert.Throws<FragmentException>(() => Expand(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_FragmentNotGivingTheKeysState_Fails()
    {
        var misnamed = Fragments.Of("misnamed", """{ "Comment": "c", "Parameters": { "name": { "Comment": "c" } }, "Fragment": { "Start{{name}}": { "Type": "Succeed" } } }""");

        var error = Assert.Throws<FragmentException>(() => Expand("""{ "Check": { "$fragment": "misnamed" } }""", Fragments.Library(misnamed)));

        Assert.Contains("fragment 'misnamed' gives StartCheck, not 'Check'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_ErrorInsideAFragment_NamesTheFragmentFileAndWhereItIsUsed()
    {
        var error = Assert.Throws<FragmentException>(() =>
            Expand("""{ "States": { "Check": { "$fragment": "poll", "next": "End" } } }""", Fragments.Library(Fragments.Poll)));

        Assert.Equal(
            "fragments/poll.json (used at src/x.json $.States.Check) $.Check.Retry[0]: no fragment 'retry' (known: poll)",
            error.Message);
    }

    [Fact]
    public void Expand_Cycle_FailsNamingIt()
    {
        var a = Fragments.Of("a", """{ "Comment": "c", "Fragment": [ { "$fragment": "b" } ] }""");
        var b = Fragments.Of("b", """{ "Comment": "c", "Fragment": [ { "$fragment": "a" } ] }""");

        var error = Assert.Throws<FragmentException>(() => Expand("""{ "Retry": [ { "$fragment": "a" } ] }""", Fragments.Library(a, b)));

        Assert.Contains("fragment cycle a -> b -> a", error.Message, StringComparison.Ordinal);
    }
}
