using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws;

/// <summary>The standalone server's console: in virtual clock mode, the operator moves time by hand.</summary>
internal static class StandaloneConsole
{
    public static async Task RunAsync(LocalAws aws, bool virtualClock, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await Console.In.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (line is null)
            {
                // stdin closed (background run): serve until Ctrl+C
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.FirstOrDefault())
            {
                case "quit" or "exit":
                    return;
                case "now":
                    Console.WriteLine(aws.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "advance" when virtualClock && words.Length == 2:
                    aws.Clock.Advance(ScenarioTime.Span(words[1]));
                    Console.WriteLine($"now {aws.Clock.GetUtcNow():O}");
                    break;
                case "idle" when virtualClock:
                    // Everything, not only scheduled work: engine timers, deliveries and invocations too (a day at most).
                    var idle = await aws.RunUntilIdleAsync(TimeSpan.FromDays(1)).ConfigureAwait(false);
                    Console.WriteLine($"{(idle ? "idle" : "still busy after a day")}; now {aws.Clock.GetUtcNow():O}");
                    break;
                case null:
                    break;
                default:
                    Console.WriteLine("commands: now, advance <10m|2h|1d> (virtual clock), idle (virtual clock), quit");
                    break;
            }
        }
    }
}
