using System.Text.Json.Nodes;
using PcsAutomation.Domain.CustomResources;
using static PcsAutomation.Domain.Tests.CustomResources.CustomResourceEvents;

namespace PcsAutomation.Domain.Tests.CustomResources;

public class CustomResourceRequestParserTests
{
    [Fact]
    public void Parse_CreateRequest_ReadsEveryField()
    {
        var request = Parse(Create(Properties()));

        Assert.Empty(request.Problems);
        Assert.Equal(CustomResourceRequestType.Create, request.RequestType);
        Assert.Equal(ResponseUrl, request.ResponseUrl!.AbsoluteUri);
        Assert.Equal((StackId, RequestId, "Custom::AMILookup", LogicalId), (request.StackId, request.RequestId, request.ResourceType, request.LogicalResourceId));
        Assert.Null(request.PhysicalResourceId); // Create carries none
        Assert.Equal(["Architecture", "ServiceToken", "SlurmVersion"], request.ResourceProperties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("25.11", request.ResourceProperties["SlurmVersion"].GetString());
        Assert.True(request.CanBeAnswered);
    }

    [Fact]
    public void Parse_UpdateRequest_ReadsPhysicalIdAndOldProperties()
    {
        var request = Parse(Update("pcs-ami-lookup/x", Properties("25.11"), Properties("25.05")));

        Assert.Empty(request.Problems);
        Assert.Equal(CustomResourceRequestType.Update, request.RequestType);
        Assert.Equal("pcs-ami-lookup/x", request.PhysicalResourceId);
        Assert.Equal("25.05", request.OldResourceProperties!["SlurmVersion"].GetString());
    }

    [Theory]
    [InlineData("[1,2]", "the event is a JSON array, not an object")]
    [InlineData("\"Create\"", "the event is a JSON string, not an object")]
    public void Parse_NotAnObject_CannotBeAnswered(string json, string problem)
    {
        var request = Parse(json);

        Assert.False(request.CanBeAnswered);
        Assert.Equal([problem], request.Problems);
    }

    [Fact]
    public void Parse_UnknownRequestType_ProblemQuotingItButStillAnswerable()
    {
        var node = Create(Properties());
        node["RequestType"] = "Destroy";

        var request = Parse(node);

        Assert.Null(request.RequestType);
        Assert.Equal("Destroy", request.RawRequestType);
        Assert.Equal(["RequestType 'Destroy' is not Create, Update or Delete"], request.Problems);
        Assert.True(request.CanBeAnswered);
    }

    [Theory]
    [InlineData("file:///tmp/x?X-Amz-Signature=secretsig")]
    [InlineData("ftp://example.com/x?X-Amz-Signature=secretsig")]
    [InlineData("/relative?X-Amz-Signature=secretsig")]
    public void Parse_ResponseUrlNotHttp_CannotBeAnsweredAndTheUrlIsNotQuoted(string url)
    {
        var node = Create(Properties());
        node["ResponseURL"] = url;

        var request = Parse(node);

        Assert.False(request.CanBeAnswered);
        Assert.Equal(["ResponseURL is not an absolute http or https URL"], request.Problems);
        Assert.DoesNotContain(request.Problems, p => p.Contains("secretsig", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingAndMistypedFields_EachNamed()
    {
        var node = Create(Properties());
        node.Remove("ResponseURL");
        node.Remove("RequestId");
        node["StackId"] = 42;
        node["LogicalResourceId"] = "";

        var request = Parse(node);

        Assert.Equal(
            ["ResponseURL is missing", "StackId is a JSON number, not a string", "RequestId is missing", "LogicalResourceId is empty"],
            request.Problems);
        Assert.False(request.CanBeAnswered);
        Assert.Equal("Create", request.RawRequestType);
    }

    [Theory]
    [InlineData("Update", true)]
    [InlineData("Delete", true)]
    [InlineData("Create", false)]
    public void Parse_NoPhysicalId_AProblemForUpdateAndDeleteOnly(string type, bool problem)
    {
        var node = Create(Properties());
        node["RequestType"] = type;

        var request = Parse(node);

        Assert.Equal(problem ? ["PhysicalResourceId is missing"] : [], request.Problems);
    }

    [Fact]
    public void Parse_ResourcePropertiesNotAnObject_ProblemAndNoProperties()
    {
        var node = Create(null);
        node["ResourceProperties"] = new JsonArray("25.11");

        var request = Parse(node);

        Assert.Null(request.ResourceProperties);
        Assert.Equal(["ResourceProperties is a JSON array, not an object"], request.Problems);
    }

    [Theory] // the signature covers the path and query as sent: no escape is undone (a plain Uri turns %7E into ~, %41 into A)
    [InlineData(ResponseUrl)]
    [InlineData("https://bucket.s3.amazonaws.com/key%7Ewith%41escapes%2F?X-Amz-Signature=ab%2Bc%3D")]
    public void Parse_PresignedUrl_PathAndQueryKeptByteForByte(string url)
    {
        var node = Create(Properties());
        node["ResponseURL"] = url;

        var request = Parse(node);

        Assert.Equal(url[url.IndexOf('/', "https://".Length)..], request.ResponseUrl!.PathAndQuery);
    }

    [Fact]
    public void ResponseUrlForLogs_PresignedUrl_LeavesOutTheQuery()
    {
        var request = Parse(Create(Properties()));

        Assert.Equal(ResponseUrl[..ResponseUrl.IndexOf('?', StringComparison.Ordinal)], request.ResponseUrlForLogs);
        Assert.DoesNotContain("Signature", request.ResponseUrlForLogs, StringComparison.Ordinal);
    }
}
