using System.Text.RegularExpressions;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Tests.Commands;
using PcsAutomation.States.Runtime;
using PuppeteerSharp;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Report;

/// <summary>
/// The README's main command and the roll-out end by writing their run's page; the page, opened in a real browser
/// (chromium, headless), renders without a console error or a request leaving the file, gives a screenshot, and shows
/// the numbers of the run as the emulator's Step Functions counted them (states entered, transitions billed, Lambda
/// invocations, outcome) and each node group's instances as they went.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pcs-report-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task RotatePage_DemoScenario_RendersCleanlyWithTheRunsNumbersAndTheDipAndRestore()
    {
        var (run, aws) = await RunAsync("rotate", "--cluster", "demo", "--emulator", "demo");
        var page = await OpenAsync(run, aws, "rotate");

        Assert.Equal("SUCCEEDED", page.Metric("outcome"));
        Assert.Equal(1, page.Visits("RotateClusterSecret"));
        var groups = page.Groups.Where(g => g.Group.StartsWith("demo/", StringComparison.Ordinal)).ToList();
        Assert.Contains(groups, g => g.Start > 0); // non-vacuity: instances ran before the rotation
        Assert.All(groups, g =>
        {
            Assert.Equal(0, g.Lowest);      // every group scaled to 0 (the dip)
            Assert.Equal(g.Start, g.End);   // and restored
        });
    }

    [Fact]
    public async Task UpdatePage_DemoScenario_RendersCleanlyWithTheRunsNumbersAndTheReplacement()
    {
        var (run, aws) = await RunAsync("update", "--cluster", "demo", "--emulator", "demo");
        var page = await OpenAsync(run, aws, "update");

        Assert.Equal("SUCCEEDED", page.Metric("outcome"));
        Assert.Equal(1, page.Visits("UpdateCanary"));
        Assert.True(page.Visits("UpdateNodeGroup") >= 1, "the other groups were updated in the Map");
        var groups = page.Groups.Where(g => g.Group.StartsWith("demo/", StringComparison.Ordinal)).ToList();
        Assert.Contains(groups, g => g.RunningChanges > 0); // instances were replaced: the running count dipped while new ones booted
        Assert.All(groups, g => Assert.Equal(g.Start, g.End)); // every group ends as it started
    }

    private async Task<(CliOutcome Run, LocalAwsHost Aws)> RunAsync(params string[] args)
    {
        LocalAwsHost? aws = null;
        var run = await CliRun.RunAsync(host => host with
        {
            ReportFolder = folder.FullName,
            StartEmulator = async (request, cancellationToken) =>
            {
                var session = await TemplateEmulator.StartAsync(request, cancellationToken);
                aws = session.Aws;
                return session;
            },
        }, args);
        Assert.True(run.ExitCode == 0, run.Text);
        return (run, aws!);
    }

    /// <summary>Opens the page the command wrote; checks what every page must do; returns what it shows, checked against the emulator.</summary>
    private async Task<ShownPage> OpenAsync(CliOutcome run, LocalAwsHost aws, string name)
    {
        var path = Regex.Match(run.Text, @"Report: (\S+\.html)").Groups[1].Value;
        Assert.True(File.Exists(path), $"the command printed the page's path: {run.Text[^Math.Min(400, run.Text.Length)..]}");
        Assert.StartsWith(folder.FullName, path, StringComparison.Ordinal);
        // the command's own execution (a schedule may start others on the way): the one it printed
        var execution = Assert.Single(aws.StepFunctions.Engine.Executions, e => run.Text.Contains(e.Arn, StringComparison.Ordinal));
        var accounting = aws.StepFunctions.Accounting(execution.Arn);

        await using var browser = await Chromium.LaunchAsync();
        await using var tab = await browser.NewPageAsync();
        var problems = new List<string>();
        tab.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error) problems.Add($"console error: {e.Message.Text}");
        };
        tab.PageError += (_, e) => problems.Add($"page error: {e.Message}");
        tab.Request += (_, e) =>
        {
            if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                problems.Add($"request: {e.Request.Url}");
        };
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });
        await tab.GoToAsync(new Uri(path).AbsoluteUri, WaitUntilNavigation.Load);
        var screenshot = Path.Combine(folder.FullName, $"{name}.png");
        await tab.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        // a click on a step row finds its state on the diagram (the page's script runs)
        await tab.ClickAsync(".step-row text");

        var shown = new ShownPage(
            await tab.EvaluateExpressionAsync<Dictionary<string, string>>(
                "Object.fromEntries([...document.querySelectorAll('[data-metric]')].map(e => [e.dataset.metric, e.textContent.trim()]))"),
            await tab.EvaluateExpressionAsync<Dictionary<string, int>>(
                "Object.fromEntries([...document.querySelectorAll('.diagram [data-visits]')].map(e => [e.dataset.state, +e.dataset.visits]))"),
            await tab.EvaluateExpressionAsync<GroupShown[]>(
                "[...document.querySelectorAll('.chart.instances .group')].map(g => ({ group: g.dataset.group, start: +g.dataset.start, lowest: +g.dataset.lowest, end: +g.dataset.end, changes: +g.dataset.changes, runningChanges: +g.dataset.runningChanges }))"));
        Assert.All(shown.Groups, g => Assert.False(string.IsNullOrEmpty(g.Group), "each chart row names its group"));
        var diagramWidth = await tab.EvaluateExpressionAsync<double>("document.querySelector('.diagram svg').getBoundingClientRect().width");
        var focused = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('.diagram .focus').length");

        Assert.Empty(problems);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "a screenshot of the page");
        Assert.True(diagramWidth > 100, "the diagram is drawn");
        Assert.Equal(1, focused);
        // the numbers the page shows are the run's, as the emulator's Step Functions counted them
        var entered = execution.History.Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        Assert.Equal(entered.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.Metric("steps"));
        Assert.Equal(accounting.StateTransitions.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.Metric("transitions"));
        Assert.Equal(accounting.LambdaInvocations.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.Metric("lambda"));
        Assert.Equal(execution.Status.ToApiName(), shown.Metric("outcome"));
        Assert.Equal(entered, shown.VisitCounts.Values.Sum());
        return shown;
    }

    public sealed record GroupShown(string Group, int Start, int Lowest, int End, int Changes, int RunningChanges);

    private sealed record ShownPage(Dictionary<string, string> Metrics, Dictionary<string, int> VisitCounts, GroupShown[] Groups)
    {
        public string Metric(string name) => Metrics.TryGetValue(name, out var value) ? value : $"(no data-metric {name})";

        public int Visits(string state) => VisitCounts.GetValueOrDefault(state);
    }
}
