using Spectre.Console;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>The colours of the live view's lines (a console without colours drops them): failures red, success green, notifications blue.</summary>
public static class TimelineMarkup
{
    public static string Line(TimelineEntry line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = Markup.Escape(TimelineFormat.Line(line));
        return line.Kind switch
        {
            TimelineKind.Failed or TimelineKind.ExecutionFailed => $"[red]{text}[/]",
            TimelineKind.ExecutionSucceeded => $"[green]{text}[/]",
            TimelineKind.Notified => $"[blue]{text}[/]",
            _ => text,
        };
    }

    public static string Line(StepLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Timeline is { } entry ? Line(entry) : Markup.Escape(line.Format());
    }
}
