using Amazon;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsClientFactoryTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static AwsClientOptions FromEnvironment(Dictionary<string, string> environment, Dictionary<string, string>? profiles = null) => new()
    {
        TimeProvider = new FakeTimeProvider(),
        Environment = name => environment.GetValueOrDefault(name),
        ProfileRegion = name => profiles?.GetValueOrDefault(name),
        CredentialsChain = () => new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
    };

    [Fact]
    public void Create_AwsRegionAndDefaultRegion_PrefersAwsRegion()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "eu-west-3", ["AWS_DEFAULT_REGION"] = "us-east-1" }));

        Assert.Equal("eu-west-3", factory.Region);
    }

    [Fact]
    public void Create_OnlyDefaultRegion_UsesIt()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_DEFAULT_REGION"] = "us-east-2" }));

        Assert.Equal("us-east-2", factory.Region);
    }

    [Fact]
    public void Create_NoRegionVariable_UsesTheRegionOfAwsProfile()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_PROFILE"] = "ops" }, new() { ["ops"] = "ap-southeast-2" }));

        Assert.Equal("ap-southeast-2", factory.Region);
    }

    [Fact]
    public void Create_NoRegionAnywhere_FailsWithOneLineNamingWhereItLooked()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientFactory.Create(FromEnvironment(new() { ["AWS_PROFILE"] = "ops" })));

        Assert.Equal(
            "No AWS region: AWS_REGION and AWS_DEFAULT_REGION are not set and profile 'ops' has no region; set AWS_REGION (e.g. us-east-1).",
            error.Message);
    }

    [Fact]
    public void Create_MalformedRegion_FailsNamingTheVariable()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "US East" })));

        Assert.Equal("AWS_REGION='US East' is not an AWS region name (expected lower-case like us-east-1).", error.Message);
    }

    [Fact]
    public void Create_MalformedServiceEndpoint_FailsAtStartNamingVariableAndValue()
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "localhost:4566" })));

        Assert.Equal("AWS_ENDPOINT_URL_SECRETS_MANAGER='localhost:4566' is not an absolute http:// or https:// URL.", error.Message);
    }

    [Fact]
    public void Create_KeyPairInTheEnvironment_LooksForCredentialsOnlyWhenFirstNeeded()
    {
        var lookups = 0;
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = SecretKey }) with
        {
            CredentialsChain = () =>
            {
                lookups++;
                return new BasicAWSCredentials("AKIDEXAMPLE", SecretKey);
            },
        };

        using var factory = AwsClientFactory.Create(options);
        factory.CreatePcs();
        var before = lookups;

        Assert.Equal((0, "BasicAWSCredentials", 1), (before, factory.CredentialsSource, lookups));
    }

    [Fact]
    public void Create_NoKeyPairInTheEnvironment_LooksForCredentialsAtOnce()
    {
        var lookups = 0;
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE" }) with
        {
            CredentialsChain = () =>
            {
                lookups++;
                return new BasicAWSCredentials("AKIDEXAMPLE", SecretKey);
            },
        };

        using var factory = AwsClientFactory.Create(options);

        Assert.Equal(1, lookups);
    }

    [Fact]
    public void Create_NoCredentials_FailsWithOneLineNamingTheSourcesAndNoSecret()
    {
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1", ["AWS_SECRET_ACCESS_KEY"] = SecretKey }) with
        {
            CredentialsChain = () => throw new AmazonClientException("Failed to resolve AWS credentials.\nException 1 of 4: ..."),
        };

        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientFactory.Create(options));

        Assert.StartsWith("No AWS credentials: looked at AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,", error.Message, StringComparison.Ordinal);
        Assert.Contains("profile 'default'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Create_MaxAttemptsOutOfRange_FailsNamingTheProperty(int maxAttempts)
    {
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1" }) with { MaxAttempts = maxAttempts };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AwsClientFactory.Create(options));

        Assert.Equal("MaxAttempts", error.ParamName);
        Assert.Contains("AwsClientOptions.MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ZeroRequestTimeout_FailsNamingTheProperty()
    {
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1" }) with { RequestTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AwsClientFactory.Create(options));

        Assert.Equal("RequestTimeout", error.ParamName);
    }

    [Fact]
    public void Create_BlankExplicitRegion_FailsNamingTheProperty()
    {
        var options = FromEnvironment([]) with { Region = " " };

        var error = Assert.Throws<ArgumentException>(() => AwsClientFactory.Create(options));

        Assert.Equal("Region", error.ParamName);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheSecretKey()
    {
        var options = FromEnvironment([]) with { Credentials = new BasicAWSCredentials("AKIDEXAMPLE", SecretKey) };

        Assert.DoesNotContain(SecretKey, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_MixedOverrides_ReportEachServiceAndItsSource()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new()
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_SFN"] = "http://127.0.0.1:8083",
        }));

        Assert.Equal("http://127.0.0.1:8083/", factory.Endpoints["SFN"].Url.ToString());
        Assert.Equal("AWS_ENDPOINT_URL_SFN", factory.Endpoints["SFN"].Source);
        Assert.Equal("http://127.0.0.1:4566/", factory.Endpoints["PCS"].Url.ToString());
        Assert.Equal(["PCS", "Secrets Manager", "SFN", "EC2", "SSM", "DynamoDB"], factory.Endpoints.Keys);
        Assert.Equal("BasicAWSCredentials", factory.CredentialsSource);
    }

    [Fact]
    public void CreateEc2_ServiceEndpointOverride_SetsServiceUrlAndSigningRegion()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "eu-west-3", ["AWS_ENDPOINT_URL_EC2"] = "http://127.0.0.1:4566" }));

        using var ec2 = factory.CreateEc2();

        Assert.Equal("http://127.0.0.1:4566/", ec2.Config.ServiceURL);
        Assert.Equal("eu-west-3", ec2.Config.AuthenticationRegion);
        Assert.Equal(2, ec2.Config.MaxErrorRetry);
    }

    [Fact]
    public void CreateSsmAndDynamoDb_NoOverride_UseTheRegion()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "eu-west-3" }));

        using var ssm = factory.CreateSsm();
        using var dynamoDb = factory.CreateDynamoDb();

        Assert.Equal(RegionEndpoint.EUWest3, ssm.Config.RegionEndpoint);
        Assert.Equal(RegionEndpoint.EUWest3, dynamoDb.Config.RegionEndpoint);
        Assert.Null(ssm.Config.ServiceURL);
    }

    [Fact]
    public void CreateDynamoDb_GlobalOverride_SetsServiceUrl()
    {
        using var factory = AwsClientFactory.Create(FromEnvironment(new() { ["AWS_REGION"] = "eu-west-3", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" }));

        using var dynamoDb = factory.CreateDynamoDb();

        Assert.Equal("http://127.0.0.1:4566/", dynamoDb.Config.ServiceURL);
    }

    [Fact]
    public void Create_ExplicitProfile_UsesItsCredentialsAndRegionNotTheChainOrAwsProfile()
    {
        var options = FromEnvironment(new() { ["AWS_PROFILE"] = "dev" }, new() { ["ops"] = "eu-central-1", ["dev"] = "us-west-2" }) with
        {
            Profile = "ops",
            CredentialsChain = () => throw new InvalidOperationException("the default chain must not be asked"),
            ProfileCredentials = name => name == "ops" ? new BasicAWSCredentials("AKIDOPS", SecretKey) : null,
        };

        using var factory = AwsClientFactory.Create(options);

        Assert.Equal("eu-central-1", factory.Region);
        Assert.Equal("BasicAWSCredentials", factory.CredentialsSource);
    }

    [Fact]
    public void Create_ExplicitProfileAndAwsRegion_AwsRegionWins()
    {
        var options = FromEnvironment(new() { ["AWS_REGION"] = "ap-south-1" }, new() { ["ops"] = "eu-central-1" }) with
        {
            Profile = "ops",
            ProfileCredentials = _ => new BasicAWSCredentials("AKIDOPS", SecretKey),
        };

        using var factory = AwsClientFactory.Create(options);

        Assert.Equal("ap-south-1", factory.Region);
    }

    [Fact]
    public void Create_UnknownProfile_FailsNamingTheProfile()
    {
        var options = FromEnvironment(new() { ["AWS_REGION"] = "us-east-1" }) with { Profile = "nope", ProfileCredentials = _ => null };

        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientFactory.Create(options));

        Assert.StartsWith("No AWS profile 'nope' with credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BlankProfile_FailsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => AwsClientFactory.Create(FromEnvironment(new()) with { Profile = " " }));

        Assert.Equal("Profile", error.ParamName);
    }
}
