using System.Xml.Linq;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.StateMachines.Tests.Diagrams;

public class SvgAndMermaidTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Svg_PollingLoop_WellFormedOneBoxPerStateAndEdgesByKind()
    {
        var svg = XDocument.Parse(SvgDiagram.Render(AslGraphReader.Read("polling", Definitions.Polling)));

        var states = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("state", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["Start", "IsDone", "Wait", "Done", "Failed"], states.Select(s => (string?)s.Attribute("data-state")));
        Assert.Single(states[1].Elements(Svg + "polygon")); // a Choice is a hexagon
        var edges = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(6, edges.Count);
        var catchPath = edges.Single(e => ((string?)e.Attribute("class"))!.Contains("catch", StringComparison.Ordinal)).Element(Svg + "path")!;
        Assert.Equal("6 3", (string?)catchPath.Attribute("stroke-dasharray"));
        Assert.Single(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "retry");
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "image" or "foreignObject");
    }

    [Fact]
    public void Svg_WithHighlight_VisitCountsOnVisitedStatesTakenEdgesBoldTheRestFaded()
    {
        var highlight = new DiagramHighlight(
            new Dictionary<string, int>(StringComparer.Ordinal) { ["Start"] = 3, ["IsDone"] = 3, ["Wait"] = 2, ["Done"] = 1 },
            new HashSet<(string, string)> { ("Start", "IsDone"), ("IsDone", "Wait"), ("Wait", "Start"), ("IsDone", "Done") },
            new HashSet<(string, string)>());

        var svg = XDocument.Parse(SvgDiagram.Render(AslGraphReader.Read("polling", Definitions.Polling), highlight));

        var start = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-state") == "Start");
        Assert.Equal("3", (string?)start.Attribute("data-visits"));
        Assert.Contains(start.Elements(Svg + "text"), t => t.Value == "3");
        var failed = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-state") == "Failed");
        Assert.Equal("0.45", (string?)failed.Attribute("opacity"));
        var taken = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Contains("taken", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(4, taken.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Svg_NextAndCatchBetweenTheSameStates_OnlyTheEdgeTheRunFollowedIsTaken(bool failed)
    {
        const string definition = """
            {"StartAt": "Update", "States": {
              "Update": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Report",
                         "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Report"}]},
              "Report": {"Type": "Succeed"}}}
            """;
        HashSet<(string, string)> pair = [("Update", "Report")];
        var highlight = new DiagramHighlight(new Dictionary<string, int>(StringComparer.Ordinal) { ["Update"] = 1, ["Report"] = 1 },
            failed ? [] : pair, failed ? pair : []);

        var svg = XDocument.Parse(SvgDiagram.Render(AslGraphReader.Read("same-pair", definition), highlight));

        var edges = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, edges.Count);
        var taken = Assert.Single(edges, e => ((string?)e.Attribute("class"))!.Contains("taken", StringComparison.Ordinal));
        Assert.Equal(failed, ((string?)taken.Attribute("class"))!.Contains("catch", StringComparison.Ordinal));
    }

    [Fact]
    public void Mermaid_NestedAndPolling_SubgraphsDottedCatchesAndRetries()
    {
        var nested = MermaidDiagram.Render(AslGraphReader.Read("nested", Definitions.Nested));
        var polling = MermaidDiagram.Render(AslGraphReader.Read("polling", Definitions.Polling));

        Assert.StartsWith("flowchart TD\n", nested, StringComparison.Ordinal);
        Assert.Contains("subgraph s_EachGroup[\"Map: EachGroup\"]", nested, StringComparison.Ordinal);
        Assert.Contains("subgraph s_Notify_branch_2[\"branch 2\"]", nested, StringComparison.Ordinal);
        Assert.Contains("s_Update --> s_Check", nested, StringComparison.Ordinal);
        Assert.Contains("s_Start -.->|\"catch States.ALL\"| s_Failed", polling, StringComparison.Ordinal);
        Assert.Contains("s_Start -.->|retry| s_Start", polling, StringComparison.Ordinal);
        Assert.Contains("s_IsDone{\"IsDone<br/><small>Choice</small>\"}", polling, StringComparison.Ordinal);
        Assert.Contains("s_IsDone -->|\"check.attempt ≥ 20\"| s_Failed", polling, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSection_PageWithAndWithoutMarkers_OnlyTheGeneratedPartChanges()
    {
        var page = $"# Title\n\nhand-written\n\n{DiagramFiles.Begin}\nold\n{DiagramFiles.End}\n\nafter\n";

        var replaced = DiagramFiles.WithSection(page, "new\n");
        var appended = DiagramFiles.WithSection("# Title\n", "new\n");

        Assert.Equal($"# Title\n\nhand-written\n\n{DiagramFiles.Begin}\nnew\n{DiagramFiles.End}\n\nafter\n", replaced);
        Assert.Equal($"# Title\n\n{DiagramFiles.Begin}\nnew\n{DiagramFiles.End}\n", appended);
    }
}
