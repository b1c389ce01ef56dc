using PcsAutomation.Aws.StepFunctions.Model;
using Spectre.Console;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The grouped live view on a console (<see cref="StepGrouping"/> decides the lines). On a terminal
/// (<paramref name="inPlace"/>) the steps still running stay below the finished lines and are redrawn in place after
/// each poll: the cursor goes back up over them (CSI n A) and erases to the end of the screen (CSI 0 J), both ECMA-48
/// controls, written only when the console says it speaks ANSI. Otherwise (a pipe, a file, TERM=dumb, NO_COLOR) only
/// finished lines are written, one per step, with no control sequence, so logs stay clean.
/// </summary>
public sealed class ConsoleStepView(IAnsiConsole console, StepGrouping grouping, bool inPlace) : IExecutionView
{
    private readonly List<StepLine> finished = [];
    private int drawn;

    public void Add(HistoryEvent historyEvent, IReadOnlyList<TimelineEntry> lines) => finished.AddRange(grouping.Add(historyEvent, lines));

    public void Flush()
    {
        if (inPlace && drawn > 0) console.WriteAnsi($"\u001b[{drawn}A\u001b[0J");
        drawn = 0;
        foreach (var line in finished) console.MarkupLine(TimelineMarkup.Line(line));
        finished.Clear();
        if (!inPlace) return;
        // One row each: a live line that wrapped would move the cursor further than the next redraw goes back.
        var width = Math.Max(20, console.Profile.Width - 1);
        foreach (var line in grouping.Active)
        {
            var text = line.Format();
            console.MarkupLine($"[grey]{Markup.Escape(text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…"))}[/]");
            drawn++;
        }
    }
}
