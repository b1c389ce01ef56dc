using PcsAutomation.Cli.Events;

namespace PcsAutomation.Cli.Tests.Events;

public class EventFileTests
{
    [Fact]
    public void Parse_DeliveredEventShape_SourceDetailTypeDetailAndResources()
    {
        var entries = EventFile.Parse("""
            {"version":"0","id":"x","detail-type":"PCS Cluster Secret Rotation Needs Operator","source":"pcs-automation","account":"111122223333",
             "time":"2026-01-05T08:00:00Z","region":"us-east-1","resources":["arn:aws:pcs:us-east-1:111122223333:cluster/pcs_a"],"detail":{"clusterId":"pcs_a"}}
            """, "needs-operator.json");

        var entry = Assert.Single(entries);
        Assert.Equal(("pcs-automation", "PCS Cluster Secret Rotation Needs Operator"), (entry.Source, entry.DetailType));
        Assert.Equal("""{"clusterId":"pcs_a"}""", entry.Detail);
        Assert.Equal(["arn:aws:pcs:us-east-1:111122223333:cluster/pcs_a"], entry.Resources);
    }

    [Fact]
    public void Parse_PutEventsEntriesObject_EveryEntry()
    {
        var entries = EventFile.Parse("""
            {"Entries":[{"Source":"a","DetailType":"t","Detail":"{\"k\":1}","EventBusName":"default"},{"Source":"b","DetailType":"t","Detail":"{}"}]}
            """, "e.json");

        Assert.Equal(["a", "b"], entries.Select(e => e.Source));
        Assert.Equal("default", entries[0].EventBusName);
    }

    [Fact]
    public void Parse_MissingDetailType_NamesFileEventAndMember()
    {
        var error = Assert.Throws<EventFileException>(() => EventFile.Parse("""[{"source":"a","detail":{}},{"source":"b","detail":{}}]""", "e.json"));

        Assert.Equal("e.json, event 1: missing 'detail-type'", error.Message);
    }

    [Fact]
    public void Parse_DetailNotAnObject_SaysSo()
    {
        var error = Assert.Throws<EventFileException>(() => EventFile.Parse("""{"source":"a","detail-type":"t","detail":[1]}""", "e.json"));

        Assert.Equal("e.json: 'detail' must be a JSON object", error.Message);
    }

    [Fact]
    public void Parse_NotJson_OneLine()
    {
        var error = Assert.Throws<EventFileException>(() => EventFile.Parse("{", "e.json"));

        Assert.StartsWith("e.json: not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ElevenEvents_RefusedWithTheLimit()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"source":"a","detail-type":"t","detail":{}}""", 11)) + "]";

        var error = Assert.Throws<EventFileException>(() => EventFile.Parse(json, "e.json"));

        Assert.Equal("e.json: 11 events; PutEvents takes 1 to 10", error.Message);
    }
}
