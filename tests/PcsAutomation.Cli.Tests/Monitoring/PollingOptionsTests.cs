using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class PollingOptionsTests
{
    private static readonly PollingOptions Options = new() { MinInterval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(20) };

    [Fact]
    public void NextInterval_QuietPolls_DoublesUpToTheMaximum()
    {
        var waits = new List<TimeSpan>();
        var current = Options.MinInterval;
        for (var i = 0; i < 5; i++)
        {
            current = Options.NextInterval(current, sawNewEvents: false);
            waits.Add(current);
        }

        Assert.Equal([4, 8, 16, 20, 20], waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public void NextInterval_NewEvents_BackToTheMinimum() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Options.NextInterval(TimeSpan.FromSeconds(20), sawNewEvents: true));

    [Fact]
    public void Validate_MaxBelowMin_NamesTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => (Options with { MaxInterval = TimeSpan.FromSeconds(1) }).Validate());

        Assert.Equal("MaxInterval", error.ParamName);
    }
}
