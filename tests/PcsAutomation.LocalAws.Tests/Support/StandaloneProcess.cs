using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>
/// A <c>serve</c> command as its own process (<c>dotnet &lt;assembly&gt; serve ...</c>: the emulator's, or the operator
/// CLI's with the product): its endpoint read from its first line, every output line kept, stopped with the console's
/// <c>quit</c>. The CLI's tests compile this file too.
/// </summary>
internal sealed class StandaloneProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Local AWS listening on ";
    private readonly Process process;
    private readonly System.Collections.Concurrent.BlockingCollection<string> lines = [];

    private StandaloneProcess(Process process)
    {
        this.process = process;
    }

    public string Endpoint { get; private set; } = "";

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/></c> and waits for its endpoint.</summary>
    public static async Task<StandaloneProcess> StartAsync(string assembly, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var running = new StandaloneProcess(Process.Start(start)!);
        running.process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null) running.lines.Add(line.Data);
        };
        running.process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null) running.lines.Add("stderr: " + line.Data);
        };
        running.process.BeginOutputReadLine();
        running.process.BeginErrorReadLine();
        var listening = await running.WaitForLineAsync(line => line.StartsWith(ListeningPrefix, StringComparison.Ordinal));
        running.Endpoint = listening[ListeningPrefix.Length..listening.IndexOf(' ', ListeningPrefix.Length)].TrimEnd('/');
        Assert.StartsWith("http://127.0.0.1:", running.Endpoint, StringComparison.Ordinal);
        return running;
    }

    /// <summary>The next output line that matches (earlier lines are consumed); fails after two minutes of real time.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match) => Task.Run(() =>
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var line in lines.GetConsumingEnumerable(limit.Token))
        {
            if (match(line)) return line;
        }
        throw new InvalidOperationException("The emulator's output ended.");
    });

    public Task<JsonObject> CliAsync(params string[] arguments) => AwsCli.JsonAsync(Endpoint, "us-east-1", arguments);

    /// <summary>
    /// With the repo's template loaded: a rule (as an operator could add) sends <c>pcs-automation.cli</c> events to
    /// DiagnosticsFunction, one event is put, and the server's <c>delivery: rule diagnostics -> ...</c> line is returned.
    /// </summary>
    public async Task<string> DeliverAnEventToDiagnosticsAsync()
    {
        await CliAsync("events", "put-rule", "--name", "diagnostics", "--event-pattern", """{"source":["pcs-automation.cli"]}""");
        await CliAsync("events", "put-targets", "--rule", "diagnostics",
            "--targets", "Id=d,Arn=arn:aws:lambda:us-east-1:111122223333:function:DiagnosticsFunction");
        await CliAsync("events", "put-events", "--entries", """[{"Source":"pcs-automation.cli","DetailType":"Run","Detail":"{}"}]""");
        return await WaitForLineAsync(line => line.StartsWith("delivery: rule diagnostics", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.StandardInput.WriteLineAsync("quit");
            await process.StandardInput.FlushAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        finally
        {
            process.Dispose();
            lines.Dispose();
        }
    }
}
