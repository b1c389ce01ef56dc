using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>
/// The emulator served on loopback with the real AWSSDK.EC2 and AWSSDK.SimpleSystemsManagement clients pointed at
/// it (endpoint, Region and the emulator's test keys only), on the virtual clock.
/// </summary>
internal sealed class SdkAccount : IAsyncDisposable
{
    private SdkAccount(LocalAws aws)
    {
        Aws = aws;
        var credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey);
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config
        {
            ServiceURL = aws.Endpoint.ToString(),
            AuthenticationRegion = aws.Options.Region,
            MaxErrorRetry = 0,
        });
        Ssm = new AmazonSimpleSystemsManagementClient(credentials, new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = aws.Endpoint.ToString(),
            AuthenticationRegion = aws.Options.Region,
            MaxErrorRetry = 0,
        });
    }

    public LocalAws Aws { get; }
    public AmazonEC2Client Ec2 { get; }
    public AmazonSimpleSystemsManagementClient Ssm { get; }

    public static async Task<SdkAccount> StartAsync(Scenario? scenario = null) =>
        new(await LocalAws.StartAsync(new LocalAwsOptions { Scenario = scenario?.Build() }));

    public void Advance(TimeSpan by) => Aws.Clock.Advance(by);

    public string ClusterId(string name) => Aws.State.FindCluster(name)!.Id;

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Ssm.Dispose();
        await Aws.DisposeAsync();
    }
}
