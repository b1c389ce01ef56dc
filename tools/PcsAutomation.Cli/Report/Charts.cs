using System.Globalization;
using System.Text;
using static PcsAutomation.StateMachines.Diagrams.SvgDiagram;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// The page's two charts on the run's (virtual) time axis, as inline SVG: the steps (one row per state, a bar per stay)
/// and each node group's running instances (a step line per group). Pure and deterministic (invariant culture).
/// </summary>
public static class Charts
{
    private const double Width = 960;
    private const double LabelWidth = 240;
    private const double Plot = Width - LabelWidth - 20;
    private const double RowHeight = 16;
    private const double AxisHeight = 24;
    private const double GroupHeight = 64;

    private static readonly TimeSpan[] TickSteps =
        [.. new[] { 1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440 }.Select(m => TimeSpan.FromMinutes(m))];

    public static string Steps(RunReportData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (start, span) = Axis(run);
        var rows = run.History.Steps.Select(s => s.State).Distinct(StringComparer.Ordinal).ToList();
        var height = AxisHeight + (rows.Count * RowHeight) + 6;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart steps" width="{N(Width)}" height="{N(height)}" viewBox="0 0 {N(Width)} {N(height)}" font-size="11">""").Append('\n');
        Ticks(svg, start, span, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = AxisHeight + (i * RowHeight);
            var stays = run.History.Steps.Where(s => s.State == rows[i]).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="step-row" data-state="{Escape(rows[i])}" data-stays="{stays.Count}"><text x="{N(LabelWidth - 6)}" y="{N(y + 12)}" text-anchor="end">{Escape(rows[i])}</text>""");
            foreach (var stay in stays)
            {
                var x = X(stay.Entered, start, span);
                var end = X(stay.Exited ?? run.Stop ?? stay.Entered, start, span);
                var tip = $"{rows[i]}: {Time(stay.Entered)} → {(stay.Exited is { } exited ? Time(exited) : "not exited")} ({Duration((stay.Exited ?? stay.Entered) - stay.Entered)})";
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(x)}" y="{N(y + 3)}" width="{N(Math.Max(2, end - x))}" height="{N(RowHeight - 5)}" rx="2" fill="{(stay.Exited is null ? "#dc2626" : "#2563eb")}"><title>{Escape(tip)}</title></rect>""");
            }

            svg.Append("</g>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    public static string Instances(RunReportData run, IReadOnlyList<InstanceSeries> series)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(series);
        var (start, span) = Axis(run);
        var height = AxisHeight + (series.Count * GroupHeight) + 6;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart instances" width="{N(Width)}" height="{N(height)}" viewBox="0 0 {N(Width)} {N(height)}" font-size="11">""").Append('\n');
        Ticks(svg, start, span, height);
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var top = AxisHeight + (i * GroupHeight) + 8;
            var bottom = top + GroupHeight - 22;
            var max = Math.Max(1, s.Up.Highest);
            double Y(int count) => bottom - ((bottom - top) * count / max);
            string Line(CountSeries counts)
            {
                var path = new StringBuilder($"M{N(LabelWidth)},{N(Y(counts.AtStart))}");
                foreach (var (at, count) in counts.Changes)
                    path.Append(CultureInfo.InvariantCulture, $" H{N(X(at, start, span))} V{N(Y(count))}");
                return path.Append(CultureInfo.InvariantCulture, $" H{N(LabelWidth + Plot)}").ToString();
            }

            var name = $"{s.Cluster}/{s.NodeGroup}";
            var story = Story(s.Up);
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="group" data-group="{Escape(name)}" data-start="{s.Up.AtStart}" data-lowest="{s.Up.Lowest}" data-end="{s.Up.AtEnd}" data-changes="{s.Up.Changes.Count}" data-running-changes="{s.Running.Changes.Count}">""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(LabelWidth - 6)}" y="{N(top + 10)}" text-anchor="end" font-weight="bold">{Escape(name)}</text><text x="{N(LabelWidth - 6)}" y="{N(top + 24)}" text-anchor="end" fill="#475569">{Escape(Shorten("up " + story))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(LabelWidth)}" y1="{N(bottom)}" x2="{N(LabelWidth + Plot)}" y2="{N(bottom)}" stroke="#cbd5e1"/><text x="{N(LabelWidth + Plot + 4)}" y="{N(Y(max) + 4)}" fill="#64748b">{max}</text><text x="{N(LabelWidth + Plot + 4)}" y="{N(bottom + 4)}" fill="#64748b">0</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="up" d="{Line(s.Up)}" stroke="#15803d" stroke-width="2.5" fill="none"><title>{Escape($"{name} ({s.NodeGroupId}) instances up (pending or running): {story}")}</title></path>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="running" d="{Line(s.Running)}" stroke="#2563eb" stroke-width="1.5" stroke-dasharray="4 3" fill="none"><title>{Escape($"{name} instances running: {Story(s.Running)}")}</title></path></g>""").Append('\n');
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Story(CountSeries counts) =>
        string.Join(" → ", new[] { counts.AtStart }.Concat(counts.Changes.Select(c => c.Count)).Select(c => c.ToString(CultureInfo.InvariantCulture)));

    private static (DateTimeOffset Start, TimeSpan Span) Axis(RunReportData run)
    {
        var end = run.Stop ?? run.History.Steps.Select(s => s.Exited ?? s.Entered).DefaultIfEmpty(run.Start).Max();
        var span = end - run.Start;
        return (run.Start, span > TimeSpan.Zero ? span : TimeSpan.FromMinutes(1));
    }

    private static double X(DateTimeOffset at, DateTimeOffset start, TimeSpan span) =>
        LabelWidth + (Plot * Math.Clamp((at - start) / span, 0, 1));

    private static void Ticks(StringBuilder svg, DateTimeOffset start, TimeSpan span, double height)
    {
        var step = TickSteps.FirstOrDefault(s => span / s <= 10, TickSteps[^1]);
        for (var t = TimeSpan.Zero; t <= span; t += step)
        {
            var x = X(start + t, start, span);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(x)}" y1="{N(AxisHeight - 4)}" x2="{N(x)}" y2="{N(height)}" stroke="#e2e8f0"/><text x="{N(x)}" y="14" text-anchor="middle" fill="#475569">{Time(start + t)}</text>""").Append('\n');
        }
    }

    /// <summary>HH:mm (UTC) on the run's clock: a virtual clock in the emulator.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:00}s"
        : $"{span.Seconds}s";

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 36 ? text : string.Concat(text.AsSpan(0, 35), "…");
}
