using System.Net;
using Amazon.EC2.Model;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsSdkClientTests
{
    [Fact]
    public async Task CreateEc2_EndpointOverride_SendsSignedRequestThereWithTheFactoryRegionAndCredentials()
    {
        using var clients = new TestClients(o => o with { Region = "eu-west-3", Environment = name => name == "AWS_ENDPOINT_URL_EC2" ? "http://127.0.0.1:4566" : null });
        clients.Handler.Respond(
            HttpStatusCode.OK,
            """<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><imagesSet/></DescribeImagesResponse>""");
        using var ec2 = clients.Factory.CreateEc2();

        var response = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        var request = Assert.Single(clients.Handler.Requests);
        Assert.Equal("127.0.0.1:4566", request.Uri.Authority);
        Assert.Contains("Action=DescribeImages", request.Body, StringComparison.Ordinal);
        Assert.Contains("Credential=AKIDEXAMPLE/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-3/ec2/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }
}
