namespace PcsAutomation.Cli.Tests.Commands;

/// <summary><c>capacity-blocks</c>' bad input: one line naming the option, exit code 2, before anything is read.</summary>
public class CapacityBlocksParseTests
{
    // --emulator names no scenario: an error about the scenario would mean the input was not checked first.
    private static Task<CliOutcome> RunAsync(params string[] args) => CliRun.RunAsync(host => host, ["capacity-blocks", .. args, "--emulator", "no-such-scenario"]);

    [Theory]
    [InlineData("cr-123")]
    [InlineData("CR-0A000000000000001")]
    [InlineData("cr-0a00000000000000g")]
    [InlineData("i-0a000000000000001")]
    public async Task Plan_MalformedReservation_UsageErrorNamingIt(string id)
    {
        var run = await RunAsync("plan", "--reservation", id);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"error: --reservation '{id}' is not a Capacity Reservation id: expected cr- and 17 lower-case hexadecimal characters", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-scenario", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoReservation_ParseErrorExitTwo()
    {
        var run = await RunAsync("plan");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--reservation", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("721")]
    public async Task List_LeadOutOfRange_UsageErrorNamingTheOption(string minutes)
    {
        var run = await RunAsync("list", "--lead-minutes", minutes);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"error: --lead-minutes {minutes} is outside 1..720", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownOutput_ParseErrorExitTwo()
    {
        var run = await RunAsync("list", "--output", "yaml");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("yaml", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownScenario_UsageErrorNamingIt()
    {
        var run = await RunAsync("list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: No scenario 'no-such-scenario'", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_MalformedReservation_UsageErrorBeforeTheEmulatorStarts()
    {
        // CliRun's default emulator starter throws: reaching it would fail otherwise.
        var run = await CliRun.RunAsync(host => host, "capacity-blocks", "expire", "--reservation", "cr-xyz", "--emulator", "capacity");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: --reservation 'cr-xyz' is not a Capacity Reservation id", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_ClusterOption_ParseErrorExitTwo()
    {
        var run = await CliRun.RunAsync(host => host, "capacity-blocks", "expire", "--reservation", "cr-0a000000000000001", "--cluster", "demo");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--cluster", run.Errors, StringComparison.Ordinal);
    }
}
