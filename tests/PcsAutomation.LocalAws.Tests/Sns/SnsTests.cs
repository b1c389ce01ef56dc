using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Sns;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Sns;

/// <summary>The minimal SNS: in process, and on the wire through a client we did not write (the AWS CLI, query protocol).</summary>
public sealed class SnsTests
{
    [Fact]
    public async Task AwsCli_CreatePublishListAttributes_AnswersParsedAndMessageRecorded()
    {
        await using var aws = await LocalAws.StartAsync();

        var created = await AwsCli.JsonAsync(aws, "sns", "create-topic", "--name", "rotation");
        var arn = created["TopicArn"]!.GetValue<string>();
        var published = await AwsCli.JsonAsync(aws, "sns", "publish", "--topic-arn", arn, "--subject", "Hello", "--message", "{\"a\":1} & <b>",
            "--message-attributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"started\"},\"n\":{\"DataType\":\"Number\",\"StringValue\":\"3\"}}");
        var listed = await AwsCli.JsonAsync(aws, "sns", "list-topics");
        var attributes = await AwsCli.JsonAsync(aws, "sns", "get-topic-attributes", "--topic-arn", arn);

        var message = Assert.Single(aws.Sns.Messages);
        Assert.Equal($"arn:aws:sns:{aws.Options.Region}:{aws.Options.AccountId}:rotation", arn);
        Assert.Equal(message.MessageId, published["MessageId"]!.GetValue<string>());
        Assert.Equal("{\"a\":1} & <b>", message.Message);
        Assert.Equal("Hello", message.Subject);
        Assert.Equal("started", message.MessageAttributes["kind"].StringValue);
        Assert.Equal("Number", message.MessageAttributes["n"].DataType);
        Assert.Equal(aws.Clock.GetUtcNow(), message.Time);
        Assert.Equal(arn, Assert.Single(listed["Topics"]!.AsArray())!["TopicArn"]!.GetValue<string>());
        Assert.Equal(arn, attributes["Attributes"]!["TopicArn"]!.GetValue<string>());
        Assert.Equal(aws.Options.AccountId, attributes["Attributes"]!["Owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsCli_PublishToUnknownTopic_NotFound()
    {
        await using var aws = await LocalAws.StartAsync();

        var (code, _, stderr) = await AwsCli.RunAsync(aws, "sns", "publish", "--topic-arn",
            $"arn:aws:sns:{aws.Options.Region}:{aws.Options.AccountId}:missing", "--message", "x");

        Assert.NotEqual(0, code);
        Assert.Contains("NotFound", stderr, StringComparison.Ordinal);
        Assert.Empty(aws.Sns.Messages);
    }

    [Fact]
    public async Task AwsCli_Ec2StillServedBesideSns()
    {
        await using var aws = await LocalAws.StartAsync();

        var regions = await AwsCli.JsonAsync(aws, "ec2", "describe-instances");

        Assert.NotNull(regions["Reservations"]);
    }

    [Fact]
    public void CloudTrail_CreateTopicRecordedCamelCase_PublishIsADataEventNotRecorded()
    {
        var aws = LocalAws.CreateInProcess();

        var arn = aws.Call("sns", "CreateTopic", new JsonObject { ["Name"] = "t" })["TopicArn"]!.GetValue<string>();
        aws.Call("sns", "Publish", new JsonObject { ["TopicArn"] = arn, ["Message"] = "m" });

        var trail = Assert.Single(aws.CloudTrail.Events, e => e["source"]!.GetValue<string>() == "aws.sns");
        Assert.Equal("CreateTopic", trail["detail"]!["eventName"]!.GetValue<string>());
        Assert.Equal("sns.amazonaws.com", trail["detail"]!["eventSource"]!.GetValue<string>());
        Assert.Equal("t", trail["detail"]!["requestParameters"]!["name"]!.GetValue<string>());
        Assert.Equal(arn, trail["detail"]!["responseElements"]!["topicArn"]!.GetValue<string>());
        Assert.Single(aws.Calls.Of("sns", "Publish"));
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("")]
    [InlineData("x.fifo")]
    public void CreateTopic_InvalidName_InvalidParameter(string name)
    {
        var aws = LocalAws.CreateInProcess();

        var error = Assert.Throws<AwsServiceException>(() => aws.Sns.CreateTopic(name));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Empty(aws.Sns.Topics);
    }

    [Fact]
    public void CreateTopic_SameNameTwice_SameArn()
    {
        var aws = LocalAws.CreateInProcess();

        Assert.Equal(aws.Sns.CreateTopic("a"), aws.Sns.CreateTopic("a"));
        Assert.Single(aws.Sns.Topics);
    }

    [Fact]
    public void Publish_BadInputs_RealErrorsAndNothingRecorded()
    {
        var aws = LocalAws.CreateInProcess();
        var arn = aws.Sns.CreateTopic("a");

        var empty = Assert.Throws<AwsServiceException>(() => aws.Sns.Publish(arn, ""));
        var badArn = Assert.Throws<AwsServiceException>(() => aws.Sns.Publish("not-an-arn", "m"));
        var badNumber = Assert.Throws<AwsServiceException>(() => aws.Sns.Publish(arn, "m", null,
            new Dictionary<string, SnsAttributeValue> { ["n"] = new("Number", "abc", null) }));
        var tooLong = Assert.Throws<AwsServiceException>(() => aws.Sns.Publish(arn, new string('x', SnsService.MaxMessageBytes + 1)));

        Assert.Equal("InvalidParameter", empty.Code);
        Assert.Equal("InvalidParameter", badArn.Code);
        Assert.Equal("ParameterValueInvalid", badNumber.Code);
        Assert.Equal("InvalidParameter", tooLong.Code);
        Assert.Empty(aws.Sns.Messages);
    }

    [Fact]
    public void QueryForm_FlattenedMembers_Structured()
    {
        var form = new JsonObject
        {
            ["Action"] = "Publish",
            ["TopicArn"] = "arn",
            ["MessageAttributes.entry.1.Name"] = "kind",
            ["MessageAttributes.entry.1.Value.DataType"] = "String",
            ["MessageAttributes.entry.1.Value.StringValue"] = "v",
            ["Attributes.entry.1.key"] = "DisplayName",
            ["Attributes.entry.1.value"] = "D",
            ["Tags.member.1.Key"] = "k",
            ["Tags.member.1.Value"] = "v",
        };

        var request = SnsQueryEndpoint.Structure(form);

        Assert.Equal("v", request["MessageAttributes"]!["kind"]!["StringValue"]!.GetValue<string>());
        Assert.Equal("D", request["Attributes"]!["DisplayName"]!.GetValue<string>());
        Assert.Equal("k", request["Tags"]![0]!["Key"]!.GetValue<string>());
        Assert.False(request.ContainsKey("Action"));
    }
}
