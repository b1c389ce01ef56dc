using System.Globalization;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.StateMachines.Tests.Diagrams;

public class LayeredLayoutTests
{
    [Fact]
    public void Layout_PollingLoop_LayersFollowTheFlowAndTheLoopGoesBackUp()
    {
        var layout = LayeredLayout.Layout(AslGraphReader.Read("polling", Definitions.Polling));

        Assert.Equal(0, layout["Start"].Layer);
        Assert.Equal(1, layout["IsDone"].Layer);
        Assert.Equal(2, layout["Wait"].Layer);
        Assert.True(layout["Failed"].Layer > layout["Start"].Layer);
        var loop = Assert.Single(layout.Edges, e => e.Back);
        Assert.Equal(("Wait", "Start"), (loop.Edge.From, loop.Edge.To));
        Assert.All(layout.Edges.Where(e => !e.Back), e => Assert.True(layout[e.Edge.To].Box.Y > layout[e.Edge.From].Box.Y, $"{e.Edge.From} → {e.Edge.To} goes down"));
    }

    [Fact]
    public void Layout_MapAndParallel_TheirScopesInsideTheirBoxesSideBySide()
    {
        var layout = LayeredLayout.Layout(AslGraphReader.Read("nested", Definitions.Nested));

        foreach (var group in layout.States)
        {
            Assert.NotEmpty(group.Children);
            Assert.All(group.Children, child =>
            {
                Assert.True(child.OffsetX >= group.Box.X && child.OffsetX + child.Width <= group.Box.Right, $"{child.Scope.Id} inside {group.State.Name} horizontally");
                Assert.True(child.OffsetY >= group.Box.Y && child.OffsetY + child.Height <= group.Box.Bottom, $"{child.Scope.Id} inside {group.State.Name} vertically");
            });
        }

        var branches = layout["Notify"].Children;
        Assert.True(branches[1].OffsetX >= branches[0].OffsetX + branches[0].Width, "branches side by side");
    }

    [Fact]
    public void Layout_RepositoryRotation_NoTwoBoxesOfALayerOverlap()
    {
        var layout = LayeredLayout.Layout(AslGraphReader.Read("cluster-secret-rotation", RepoDefinition("cluster-secret-rotation")));

        var layers = layout.States.GroupBy(s => s.Layer).ToList();
        Assert.True(layers.Count > 20, "the rotation is a long flow");
        Assert.All(layers, layer =>
        {
            var boxes = layer.Select(s => s.Box).OrderBy(b => b.X).ToList();
            for (var i = 1; i < boxes.Count; i++) Assert.True(boxes[i].X >= boxes[i - 1].Right + LayeredLayout.BoxGap - 0.2, $"layer {layer.Key} overlaps");
        });
    }

    [Fact]
    public void Render_SameDefinitionTwiceAndInAnotherCulture_ByteForByteTheSameSvg()
    {
        var definition = RepoDefinition("capacity-block-expiry");
        var first = SvgDiagram.Render(AslGraphReader.Read("capacity-block-expiry", definition));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // a culture with a decimal comma (built here: the tests may run in globalization-invariant mode) would break SVG numbers
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1,5", 1.5.ToString()); // non-vacuity: this culture would write a comma
            var second = SvgDiagram.Render(AslGraphReader.Read("capacity-block-expiry", definition));
            Assert.Equal(first, second);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Contains("data-state=\"ParkNodeGroups\"", first, StringComparison.Ordinal);
        Assert.Matches("^<svg [^>]*width=\"[0-9]+(\\.[0-9])?\" height=\"[0-9]+(\\.[0-9])?\"", first);
    }

    private static string RepoDefinition(string name)
    {
        var root = StateMachineFolder.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test binaries");
        return File.ReadAllText(Path.Combine(root, "statemachines", name + ".asl.json"));
    }
}
