using PcsAutomation.Aws.Endpoints;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Endpoints;

public class AwsEndpointResolverTests
{
    private static AwsEndpoint Resolve(Dictionary<string, string> environment, string serviceId = "PCS", string prefix = "pcs") =>
        new AwsEndpointResolver(name => environment.GetValueOrDefault(name)).Resolve(serviceId, prefix, "eu-west-3");

    [Fact]
    public void Resolve_NothingConfigured_IsTheRegionalAwsEndpoint()
    {
        var endpoint = Resolve([]);

        Assert.Equal(new Uri("https://pcs.eu-west-3.amazonaws.com/"), endpoint.Url);
        Assert.Null(endpoint.Source);
    }

    [Fact]
    public void Resolve_GlobalVariable_OverridesTheDefault()
    {
        var endpoint = Resolve(new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566" });

        Assert.Equal(new Uri("http://localhost:4566/"), endpoint.Url);
        Assert.Equal("AWS_ENDPOINT_URL", endpoint.Source);
    }

    [Fact]
    public void Resolve_ServiceVariable_WinsOverTheGlobalOne()
    {
        var endpoint = Resolve(new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566", ["AWS_ENDPOINT_URL_PCS"] = "http://localhost:5000" });

        Assert.Equal(new Uri("http://localhost:5000/"), endpoint.Url);
        Assert.Equal("AWS_ENDPOINT_URL_PCS", endpoint.Source);
    }

    [Fact]
    public void Resolve_OtherServicesVariable_IsIgnored()
    {
        var endpoint = Resolve(new() { ["AWS_ENDPOINT_URL_SFN"] = "http://localhost:5000" });

        Assert.Null(endpoint.Source);
    }

    [Theory]
    [InlineData("Secrets Manager", "AWS_ENDPOINT_URL_SECRETS_MANAGER")]
    [InlineData("SFN", "AWS_ENDPOINT_URL_SFN")]
    [InlineData("DynamoDB", "AWS_ENDPOINT_URL_DYNAMODB")]
    [InlineData("EC2", "AWS_ENDPOINT_URL_EC2")]
    public void ServiceVariable_ServiceId_IsUpperCasedWithUnderscores(string serviceId, string expected)
    {
        Assert.Equal(expected, AwsEndpointResolver.ServiceVariable(serviceId));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public void Resolve_IgnoreConfiguredEndpointUrls_DisablesBothVariables(string flag)
    {
        var endpoint = Resolve(new()
        {
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_PCS"] = "http://localhost:5000",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = flag,
        });

        Assert.Equal(new Uri("https://pcs.eu-west-3.amazonaws.com/"), endpoint.Url);
    }

    [Theory]
    [InlineData("localhost:4566")]
    [InlineData("ftp://localhost")]
    [InlineData("not a url")]
    [InlineData("http://localhost:4566/?x=1")]
    public void Resolve_MalformedUrl_FailsNamingVariableAndValue(string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Resolve(new() { ["AWS_ENDPOINT_URL_PCS"] = value }));

        Assert.StartsWith($"AWS_ENDPOINT_URL_PCS='{value}' ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Resolve_UrlWithUserInfo_FailsWithoutEchoingIt()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Resolve(new() { ["AWS_ENDPOINT_URL"] = "http://user:hunter2@localhost" }));

        Assert.Contains("AWS_ENDPOINT_URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
