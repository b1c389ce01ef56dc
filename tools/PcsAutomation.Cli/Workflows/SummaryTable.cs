using Spectre.Console;
using Spectre.Console.Rendering;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// The final table every workflow command prints: status, duration, cluster and execution first, the workflow's own
/// rows, then warnings, error and cause. Every value is escaped unless said otherwise: ids and causes come from AWS.
/// </summary>
public sealed class SummaryTable
{
    private readonly Table table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("");

    public SummaryTable(string title, string executionArn, string status, TimeSpan duration, string? clusterId, string? clusterName)
    {
        table.ShowHeaders = false;
        table.Title = new TableTitle(Markup.Escape(title));
        Row("status", status == "SUCCEEDED" ? $"[green]{status}[/]" : $"[red]{Markup.Escape(status)}[/]", escape: false);
        Row("duration", TimelineFormat.Duration(duration));
        if (clusterId is not null)
            Row("cluster", clusterName is null ? clusterId : $"{clusterName} ({clusterId})");
        Row("execution", executionArn);
    }

    public SummaryTable Row(string name, string value, bool escape = true, bool nameIsMarkup = false)
    {
        table.AddRow(new Markup(nameIsMarkup ? name : Markup.Escape(name)), new Markup(escape ? Markup.Escape(value) : value));
        return this;
    }

    /// <summary>One row, one line per item; no row when there is none.</summary>
    public SummaryTable Lines(string name, IReadOnlyList<string> items) =>
        items.Count == 0 ? this : Row(name, string.Join(Environment.NewLine, items));

    /// <summary>The closing rows: warnings, then the error and its cause.</summary>
    public IRenderable End(IReadOnlyList<string> warnings, ExecutionFailure failure)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(failure);
        Lines("warnings", warnings);
        if (failure.Error is not null) Row("error", failure.Error);
        if (failure.Cause is not null) Row("cause", failure.Cause);
        return table;
    }

    public static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
