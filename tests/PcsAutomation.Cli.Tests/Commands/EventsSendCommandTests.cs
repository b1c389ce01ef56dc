using PcsAutomation.LocalAws;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

public sealed class EventsSendCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pcs-automation-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string File(string json)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task EventsSend_Event_PrintsItsIdAndTheBusHasIt()
    {
        await using var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions());
        var path = File("""{"source":"pcs-automation","detail-type":"PCS Cluster Secret Rotation Needs Operator","detail":{"clusterId":"pcs_a"}}""");

        var run = await CliRun.AgainstAsync(aws, null, "events", "send", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("sent pcs-automation / PCS Cluster Secret Rotation Needs Operator: event id [0-9a-f-]{36}", run.Text);
    }

    [Fact]
    public async Task EventsSend_AwsSource_TheFailedEntrysErrorExitOne()
    {
        await using var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions());
        var path = File("""{"source":"aws.secretsmanager","detail-type":"AWS Service Event via CloudTrail","detail":{"eventName":"RotationSucceeded"}}""");

        var run = await CliRun.AgainstAsync(aws, null, "events", "send", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed aws.secretsmanager / AWS Service Event via CloudTrail: NotAuthorizedForSourceException", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsSend_MissingFile_OneLineExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "events", "send", Path.Combine(directory, "none.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: No event file", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsSend_BadFile_OneLineNamingTheMemberExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "events", "send", File("""{"source":"a","detail":{}}"""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing 'detail-type'", run.Text, StringComparison.Ordinal);
    }
}
