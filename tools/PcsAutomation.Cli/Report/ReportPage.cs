using System.Globalization;
using System.Net;
using System.Text;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// One run as one self-contained HTML page (inline CSS, SVG and a few lines of script; nothing fetched): the outcome
/// and any "needs operator" notice, the numbers (steps, transitions, retries, Lambda invocations, cost), the state
/// machine with the path taken, the steps on the run's clock, each node group's running instances, the notifications,
/// the AWS calls, the cost lines. What only the emulator knows is replaced by a note against AWS. Every number the
/// browser test checks carries a <c>data-metric</c> attribute. Pure.
/// </summary>
public static class ReportPage
{
    public static string Render(RunReportData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(run.StateMachineName)}: {E(run.ExecutionName)} ({E(run.Status)})</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        Header(html, run);
        Numbers(html, run);
        html.Append("<h2>The state machine and the path taken</h2>\n<p class=\"note\">States entered are outlined in green with how many times; transitions taken are bold; the rest is faded. Click a step below to find it here.</p>\n");
        html.Append("<div class=\"diagram\">").Append(SvgDiagram.Render(run.Graph, new DiagramHighlight(run.History.Visits, run.History.Taken, run.History.Caught))).Append("</div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Steps on the run's clock</h2>\n<p class=\"note\">One row per state, a bar per stay (red: never exited), times in UTC on {E(run.Where)}'s clock.</p>\n");
        html.Append("<div class=\"chart-box\">").Append(Charts.Steps(run)).Append("</div>\n");
        Instances(html, run);
        Notifications(html, run);
        Calls(html, run);
        Cost(html, run);
        html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, RunReportData run)
    {
        var outcome = run.Status == "SUCCEEDED" ? "succeeded" : run.Status == "RUNNING" ? "running" : "failed";
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(run.StateMachineName)} <span class=\"outcome {outcome}\" data-metric=\"outcome\">{E(run.Status)}</span></h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">execution <code>{E(run.ExecutionArn)}</code><br>on {E(run.Where)}, from {Stamp(run.Start)} to {(run.Stop is { } stop ? Stamp(stop) : "(still running)")}</p>\n");
        if (run.Error is not null)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" data-metric=\"error\"><b>{E(run.Error)}</b>{(run.Cause is { Length: > 0 } cause ? ": " + E(Monitoring.CauseText.Message(cause) ?? cause) : "")}</p>\n");
        foreach (var notice in run.NeedsOperator)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"needs-operator\" data-metric=\"needs-operator\">Needs operator at {Stamp(notice.At)}: {E(notice.Subject ?? "(no subject)")}</p>\n");
    }

    private static void Numbers(StringBuilder html, RunReportData run)
    {
        html.Append("<table class=\"numbers\">\n");
        Row(html, "duration", "duration", Charts.Duration(run.Duration));
        Row(html, "steps", "steps (states entered)", Count(run.History.StatesEntered));
        Row(html, "distinct-states", "distinct states entered", Count(run.History.Visits.Count));
        Row(html, "transitions", "state transitions (billed: states entered + retries)", Count(run.History.StateTransitions));
        Row(html, "retries", "retries", Count(run.History.Retries));
        Row(html, "lambda", "Lambda invocations", Count(run.History.LambdaInvocations));
        Row(html, "task-failures", "task calls failed (retried or caught)", Count(run.History.Tasks.Count(t => t.Error is not null)));
        Row(html, "notifications", "notifications", Count(run.Notifications.Count));
        Row(html, "cost", "cost (USD, list prices of benchmarks/Rotation)", Usd(RunCost.Total(run.Cost)));
        html.Append("</table>\n");
    }

    private static void Instances(StringBuilder html, RunReportData run)
    {
        html.Append("<h2>Instances per node group</h2>\n");
        if (run.Emulator is null)
        {
            html.Append("<p class=\"note\" data-metric=\"instances-unknown\">Not shown: EC2 keeps no history of instance states, and the execution's history does not carry them. The emulator records them; against AWS, see CloudTrail or the EC2 console.</p>\n");
            return;
        }

        if (run.Emulator.Instances.Count == 0)
        {
            html.Append("<p class=\"note\">No node group had a running instance during the run.</p>\n");
            return;
        }

        html.Append("<p class=\"note\">Each node group's instances over the run, as the emulator recorded every instance's state changes: green, up (pending or running: what the group's scaling keeps); blue dashed, running (booted).</p>\n");
        html.Append("<div class=\"chart-box\">").Append(Charts.Instances(run, run.Emulator.Instances)).Append("</div>\n");
    }

    private static void Notifications(StringBuilder html, RunReportData run)
    {
        html.Append("<h2>Notifications</h2>\n");
        if (run.Notifications.Count == 0)
        {
            html.Append("<p class=\"note\">The execution prepared no notification.</p>\n");
            return;
        }

        html.Append("<table class=\"list\"><tr><th>at</th><th>event</th><th>subject</th></tr>\n");
        foreach (var n in run.Notifications)
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"notification\" data-event=\"{E(n.Event)}\"><td>{Stamp(n.At)}</td><td>{E(n.Event)}</td><td>{E(n.Subject ?? "")}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void Calls(StringBuilder html, RunReportData run)
    {
        html.Append("<h2>AWS calls and retries</h2>\n");
        var failed = run.History.Tasks.Where(t => t.Error is not null).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The execution's task calls: {run.History.Tasks.Count}, of which {failed.Count} failed{(failed.Count > 0 ? " (" + E(string.Join(", ", failed.GroupBy(t => $"{t.State}: {t.Error}").Select(g => $"{g.Key} ×{g.Count()}"))) + ")" : "")}; {run.History.Retries} retried by the state machine's Retry.</p>\n");
        if (run.Emulator is null)
        {
            html.Append("<p class=\"note\" data-metric=\"calls-unknown\">The calls the functions made to AWS are not shown: only the emulator records them (against AWS, see CloudTrail).</p>\n");
            return;
        }

        html.Append("<p class=\"note\">Every call the emulator answered while the execution ran (the functions' calls, the state machine's SNS and EventBridge tasks; the CLI's reads of the execution left out).</p>\n");
        html.Append("<table class=\"list\"><tr><th>service</th><th>operation</th><th>calls</th><th>errors</th></tr>\n");
        foreach (var c in run.Emulator.Calls)
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"call\" data-call=\"{E(c.Service)}:{E(c.Operation)}\"><td>{E(c.Service)}</td><td>{E(c.Operation)}</td><td>{c.Calls}</td><td>{E(string.Join(", ", c.Errors.Select(e => $"{e.Key} ×{e.Value}")))}</td></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"2\"><b>total</b></td><td data-metric=\"aws-calls\">{run.Emulator.Calls.Sum(c => c.Calls)}</td><td>{run.Emulator.Calls.Sum(c => c.Errors.Values.Sum())}</td></tr>\n</table>\n");
    }

    private static void Cost(StringBuilder html, RunReportData run)
    {
        html.Append("<h2>Cost</h2>\n<table class=\"list\"><tr><th>item</th><th>quantity</th><th>price</th><th>USD</th></tr>\n");
        foreach (var line in run.Cost)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(line.Item)}</td><td>{line.Quantity.ToString("0.###", CultureInfo.InvariantCulture)}</td><td>{E(line.Unit)}</td><td>{(line.Usd is { } usd ? Usd(usd) : "<i>" + E(line.Note ?? "not known") + "</i>")}</td></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"3\"><b>total</b></td><td>{Usd(RunCost.Total(run.Cost))}</td></tr>\n</table>\n");
        html.Append("<p class=\"note\">US East (N. Virginia) list prices, free tiers ignored; PCS, EC2 and SSM calls are not charged per call.</p>\n");
    }

    private static void Row(StringBuilder html, string metric, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td data-metric=\"{metric}\">{E(value)}</td></tr>\n");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Usd(double value) => "$" + value.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #0f172a; max-width: 1000px; }
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #e2e8f0; }
        .outcome { font-size: 14px; padding: 2px 8px; border-radius: 10px; vertical-align: middle; }
        .outcome.succeeded { background: #dcfce7; color: #166534; } .outcome.failed { background: #fee2e2; color: #991b1b; }
        .outcome.running { background: #e0f2fe; color: #075985; }
        .meta, .note { color: #475569; font-size: 13px; }
        .error, .needs-operator { background: #fef2f2; border-left: 4px solid #dc2626; padding: 8px 12px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { text-align: left; padding: 3px 10px; border-bottom: 1px solid #f1f5f9; }
        .numbers th { font-weight: normal; color: #475569; } .numbers td { font-weight: bold; }
        .diagram, .chart-box { overflow-x: auto; border: 1px solid #e2e8f0; border-radius: 6px; padding: 6px; }
        .diagram svg { max-width: 100%; height: auto; }
        .step-row text { cursor: pointer; }
        .focus rect, .focus polygon { stroke: #f97316 !important; stroke-width: 4 !important; }

        """;

    private const string Script = """
        // Clicking a step's name shows its state on the diagram.
        document.querySelectorAll('.step-row').forEach(function (row) {
          row.addEventListener('click', function () {
            document.querySelectorAll('.diagram .focus').forEach(function (e) { e.classList.remove('focus'); });
            var state = document.querySelector('.diagram [data-state="' + CSS.escape(row.dataset.state) + '"]');
            if (state) { state.classList.add('focus'); state.scrollIntoView({ block: 'center' }); }
          });
        });

        """;
}
