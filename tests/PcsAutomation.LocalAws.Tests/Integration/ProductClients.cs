using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// The emulator on loopback and the product's own clients built by <see cref="AwsClientFactory"/> exactly as the
/// Lambda builds them, with only <c>AWS_ENDPOINT_URL</c>, the Region and the emulator's test keys set.
/// The JSON clients run on the emulator's virtual clock (signing dates, backoff); backoff jitter is 0 so a retry
/// does not wait for a clock nobody advances.
/// </summary>
internal sealed class ProductClients : IAsyncDisposable
{
    private ProductClients(LocalAws aws, int maxAttempts)
    {
        Aws = aws;
        Factory = AwsClientFactory.Create(new AwsClientOptions
        {
            Environment = name => name == "AWS_ENDPOINT_URL" ? aws.Endpoint.ToString() : null,
            Region = aws.Options.Region,
            Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
            TimeProvider = aws.Clock,
            Random = () => 0,
            MaxAttempts = maxAttempts,
        });
        Pcs = new AmazonPCSClient(Factory.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));
        Secrets = new AmazonSecretsManagerClient(
            Factory.CreateJsonInvoker(AmazonSecretsManagerClient.ServiceMetadata, AmazonSecretsManagerException.FromErrorResponse));
        Ec2 = Factory.CreateEc2();
        Ssm = Factory.CreateSsm();
        DynamoDb = Factory.CreateDynamoDb();
    }

    public LocalAws Aws { get; }
    public AwsClientFactory Factory { get; }
    public AmazonPCSClient Pcs { get; }
    public AmazonSecretsManagerClient Secrets { get; }
    public AmazonEC2Client Ec2 { get; }
    public AmazonSimpleSystemsManagementClient Ssm { get; }
    public AmazonDynamoDBClient DynamoDb { get; }

    public static async Task<ProductClients> StartAsync(Scenario? scenario = null, int maxAttempts = 3, LocalAwsOptions? options = null)
    {
        var aws = await LocalAws.StartAsync((options ?? new LocalAwsOptions()) with { Scenario = scenario?.Build() });
        return new ProductClients(aws, maxAttempts);
    }

    public void Advance(TimeSpan by) => Aws.Clock.Advance(by);

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Ssm.Dispose();
        DynamoDb.Dispose();
        Factory.Dispose();
        await Aws.DisposeAsync();
    }
}
