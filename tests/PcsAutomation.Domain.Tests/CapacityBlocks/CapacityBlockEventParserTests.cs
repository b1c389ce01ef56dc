using System.Text.Json.Nodes;
using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.CapacityBlockEvents;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class CapacityBlockEventParserTests
{
    private static CapacityBlockEventParse Parse(JsonNode node) => CapacityBlockEventParser.Parse(node.ToJsonString(), Account, Region);

    [Theory]
    [InlineData("delivered", "Capacity Block Delivered", CapacityBlockEventKinds.Delivered)]
    [InlineData("delivered", "Capacity Block Reservation Delivered", CapacityBlockEventKinds.Delivered)]
    [InlineData("expiration-warning", "Capacity Block Expiration Warning", CapacityBlockEventKinds.ExpirationWarning)]
    [InlineData("expiration-warning", "Capacity Block Reservation Expiration Warning", CapacityBlockEventKinds.ExpirationWarning)]
    public void Parse_EitherSpelling_AcceptedWithTheReservationAndEndDate(string template, string detailType, string kind)
    {
        var parse = Parse(Reservation(template, detailType, Expiring, "2026-03-02T11:30:00Z"));

        Assert.Null(parse.Rejection);
        var e = parse.Event!;
        Assert.Equal((kind, Expiring, End, detailType), (e.Kind, e.ReservationId, e.EndDate, e.DetailType));
        Assert.Equal([$"arn:aws:ec2:{Region}:{Account}:capacity-reservation/{Expiring}"], e.Resources);
    }

    [Fact]
    public void Parse_TheDocumentationTemplateItself_RejectedAsATemplate()
    {
        var parse = CapacityBlockEventParser.Parse(File.ReadAllText(TemplatePath("expiration-warning")), Account, Region);
        Assert.Equal("it has detail_type, not detail-type: that is the EC2 documentation's template, not an EventBridge event", parse.Rejection);
    }

    [Theory]
    [InlineData("account", "210987654321", "event from account 210987654321, not this function's account 123456789012")]
    [InlineData("region", "eu-west-1", "event from Region eu-west-1, not this function's Region us-east-2")]
    [InlineData("region", null, "region is missing: it cannot be checked against this function's Region us-east-2")]
    [InlineData("source", "aws.pcs", "source 'aws.pcs', not aws.ec2")]
    [InlineData("detail-type", "EC2 Instance State-change Notification", "detail-type 'EC2 Instance State-change Notification' is not a Capacity Block event")]
    public void Parse_ForeignOrWrongEnvelope_RejectedWithTheReason(string field, string? value, string reason)
    {
        var e = Reservation("delivered", "Capacity Block Delivered", Expiring, "2026-03-02T11:30:00Z");
        if (value is null)
            e.Remove(field);
        else
            e[field] = value;

        Assert.Equal(reason, Parse(e).Rejection);
    }

    [Fact]
    public void Parse_MalformedReservationOrDetailOrJson_Rejected()
    {
        var bad = Reservation("delivered", "Capacity Block Delivered", "cr-x", "soon");
        Assert.Equal("detail.capacity-reservation-id 'cr-x' is not a Capacity Reservation id: expected cr- and 17 lower-case hexadecimal characters, e.g. cr-1234567890abcdef1", Parse(bad).Rejection);
        var noDetail = Reservation("delivered", "Capacity Block Delivered", Expiring, "x");
        noDetail["detail"] = "none";
        Assert.Equal("detail is missing or not an object", Parse(noDetail).Rejection);
        Assert.StartsWith("not JSON: ", CapacityBlockEventParser.Parse("{", Account, Region).Rejection, StringComparison.Ordinal);
        Assert.Equal("the event is a JSON Array, not an object", CapacityBlockEventParser.Parse("[]", Account, Region).Rejection);
    }

    [Fact]
    public void Parse_UnreadableEndDate_AcceptedKeepingTheText()
    {
        var e = Parse(Reservation("delivered", "Capacity Block Delivered", Expiring, "[ODCR End Date]")).Event!;
        Assert.Equal(("[ODCR End Date]", null), (e.EndDateText, e.EndDate));
    }

    [Fact]
    public void Parse_InterruptionWarning_InstanceNamedOrRejected()
    {
        var e = Parse(Interruption("i-0123456789abcdef0")).Event!;
        Assert.Equal((CapacityBlockEventKinds.InterruptionWarning, "i-0123456789abcdef0", null, "capacity-block"), (e.Kind, e.InstanceId, e.ReservationId, e.InstanceLifecycle));
        Assert.Equal(End.AddMinutes(-30), e.InstanceTerminationTime);

        var missing = Interruption("i-1");
        missing["detail"]!.AsObject().Remove("instance-id");
        Assert.Equal("detail.instance-id is missing: the interruption warning names no instance", Parse(missing).Rejection);
    }
}
