using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

/// <summary>
/// DynamoDB TTL on the clock: expired items stay readable until deleted, "typically within two days"
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html); only top-level Number
/// epoch seconds no more than five years in the past count
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
/// </summary>
public class TimeToLiveTests
{
    private readonly DynamoDbTestTable table = new();

    public TimeToLiveTests()
    {
        table.Call("UpdateTimeToLive", """{"TableName":"Leases","TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}""");
    }

    private long EpochIn(TimeSpan span) => (table.Clock.GetUtcNow() + span).ToUnixTimeSeconds();

    private void PutExpiring(string pk, string ttlAttributeValue) =>
        table.Put($$"""{"pk":{"S":"{{pk}}"},"expiresAt":{{ttlAttributeValue}}}""");

    private int ScanCount() => table.Call("Scan", """{"TableName":"Leases"}""")["Count"]!.GetValue<int>();

    [Fact]
    public void ExpiredItem_BeforeTheDeletionDelay_StillInGetItemAndScan()
    {
        PutExpiring("c1", $$"""{"N":"{{EpochIn(TimeSpan.FromHours(1))}}"}""");

        table.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromHours(47));

        Assert.NotNull(table.Get("c1"));
        Assert.Equal(1, ScanCount());
    }

    [Fact]
    public void ExpiredItem_AfterTheDefaultDelayOf48Hours_Deleted()
    {
        PutExpiring("c1", $$"""{"N":"{{EpochIn(TimeSpan.FromHours(1))}}"}""");

        table.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromHours(48));

        Assert.Equal(TimeSpan.FromHours(48), table.Service.TimeToLiveDeletionDelay);
        Assert.Null(table.Get("c1"));
        Assert.Equal(0, ScanCount());
    }

    [Fact]
    public void DeletionDelay_Setting_DeletesThatLongAfterExpiry()
    {
        var quick = new DynamoDbTestTable(TimeSpan.FromMinutes(10));
        quick.Call("UpdateTimeToLive", """{"TableName":"Leases","TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}""");
        var expiry = quick.Clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds();
        quick.Put($$$"""{"pk":{"S":"c1"},"expiresAt":{"N":"{{{expiry}}}"}}""");

        quick.Clock.Advance(TimeSpan.FromMinutes(39));
        var before = quick.Get("c1");
        quick.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.NotNull(before);
        Assert.Null(quick.Get("c1"));
    }

    [Theory] // each is ignored by the TTL process, so never deleted
    [InlineData("""{"S":"1700000000"}""")] // not a Number
    [InlineData("""{"M":{"at":{"N":"1700000000"}}}""")] // not top level
    [InlineData("""{"NULL":true}""")]
    public void NotANumber_NeverDeleted(string value)
    {
        PutExpiring("c1", value);
        table.Put("""{"pk":{"S":"c2"}}"""); // no TTL attribute at all

        table.Clock.Advance(TimeSpan.FromDays(30));

        Assert.NotNull(table.Get("c1"));
        Assert.NotNull(table.Get("c2"));
    }

    [Fact]
    public void ExpiryMoreThanFiveYearsInThePast_NeverDeletedButFourYearsIs()
    {
        PutExpiring("ancient", $$"""{"N":"{{EpochIn(-TimeSpan.FromDays(6 * 365))}}"}""");
        PutExpiring("old", $$"""{"N":"{{EpochIn(-TimeSpan.FromDays(4 * 365))}}"}""");
        PutExpiring("millis", $$"""{"N":"{{table.Clock.GetUtcNow().ToUnixTimeMilliseconds()}}"}"""); // milliseconds: far future as seconds

        table.Clock.Advance(TimeSpan.FromDays(3));

        Assert.NotNull(table.Get("ancient"));
        Assert.Null(table.Get("old"));
        Assert.NotNull(table.Get("millis"));
    }

    [Fact]
    public void ExpiryExtendedByUpdateItem_NotDeletedAtTheOldTime()
    {
        PutExpiring("c1", $$"""{"N":"{{EpochIn(TimeSpan.FromHours(1))}}"}""");
        var later = EpochIn(TimeSpan.FromDays(10)).ToString(CultureInfo.InvariantCulture);
        table.Call("UpdateItem", new JsonObject
        {
            ["TableName"] = "Leases",
            ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = "c1" } },
            ["UpdateExpression"] = "SET expiresAt = :t",
            ["ExpressionAttributeValues"] = new JsonObject { [":t"] = new JsonObject { ["N"] = later } },
        }.ToJsonString());

        table.Clock.Advance(TimeSpan.FromDays(3));
        var afterOldTime = table.Get("c1");
        table.Clock.Advance(TimeSpan.FromDays(9));

        Assert.NotNull(afterOldTime);
        Assert.Null(table.Get("c1"));
    }

    [Fact]
    public void ItemsWrittenBeforeTtlWasEnabled_DeletedOnceEnabled()
    {
        var fresh = new DynamoDbTestTable(TimeSpan.Zero);
        var expiry = fresh.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds();
        fresh.Put($$$"""{"pk":{"S":"c1"},"expiresAt":{"N":"{{{expiry}}}"}}""");

        fresh.Clock.Advance(TimeSpan.FromMinutes(1));
        var whileDisabled = fresh.Get("c1");
        fresh.Call("UpdateTimeToLive", """{"TableName":"Leases","TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}""");
        fresh.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(whileDisabled);
        Assert.Null(fresh.Get("c1"));
    }

    [Fact]
    public void ManyItems_OnlyTheExpiredOnesGo()
    {
        for (var i = 0; i < 5_000; i++)
            PutExpiring($"c{i}", $$"""{"N":"{{EpochIn(TimeSpan.FromMinutes(i % 2 == 0 ? 10 : 60 * 24 * 30))}}"}""");

        table.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(2_500, ScanCount());
        Assert.Null(table.Get("c0"));
        Assert.NotNull(table.Get("c1"));
    }
}
