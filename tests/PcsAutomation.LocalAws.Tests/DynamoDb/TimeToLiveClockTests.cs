using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

/// <summary>TTL deletions inside the emulator: they follow the virtual clock, the delay is a <see cref="LocalAwsOptions"/> setting.</summary>
public sealed class TimeToLiveClockTests
{
    private static LocalAws WithLeaseTable(TimeSpan deletionDelay, long expiresInSeconds, out long expiry)
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { DynamoDbTimeToLiveDeletionDelay = deletionDelay });
        aws.Call("dynamodb", "CreateTable", JsonNode.Parse("""
            {"TableName":"leases","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
            """)!.AsObject());
        aws.Call("dynamodb", "UpdateTimeToLive", JsonNode.Parse("""
            {"TableName":"leases","TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}
            """)!.AsObject());
        expiry = aws.Clock.GetUtcNow().ToUnixTimeSeconds() + expiresInSeconds;
        aws.Call("dynamodb", "PutItem", new JsonObject
        {
            ["TableName"] = "leases",
            ["Item"] = new JsonObject
            {
                ["pk"] = new JsonObject { ["S"] = "c1" },
                ["expiresAt"] = new JsonObject { ["N"] = expiry.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
        });
        return aws;
    }

    private static bool Present(LocalAws aws) =>
        aws.Call("dynamodb", "GetItem", JsonNode.Parse("""{"TableName":"leases","Key":{"pk":{"S":"c1"}}}""")!.AsObject())["Item"] is not null;

    [Fact]
    public async Task RunUntilAsync_ExpiredLease_DeletedExactlyTheDelayAfterExpiry()
    {
        await using var aws = WithLeaseTable(TimeSpan.FromHours(6), expiresInSeconds: 600, out var expiry);

        var gone = await aws.RunUntilAsync(() => !Present(aws), TimeSpan.FromDays(1));

        Assert.True(gone);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expiry) + TimeSpan.FromHours(6), aws.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ClockAdvance_ExpiredButWithinTheDelay_StillReadable()
    {
        await using var aws = WithLeaseTable(TimeSpan.FromHours(6), expiresInSeconds: 600, out _);

        aws.Clock.Advance(TimeSpan.FromHours(6));
        var stillThere = Present(aws);
        aws.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(stillThere);
        Assert.False(Present(aws));
    }

    [Fact]
    public async Task RunUntilIdleAsync_OnlyATtlDeletionPending_IdleAtOnceWithoutDeleting()
    {
        await using var aws = WithLeaseTable(TimeSpan.FromHours(6), expiresInSeconds: 600, out _);
        var start = aws.Clock.GetUtcNow();

        var idle = await aws.RunUntilIdleAsync(TimeSpan.FromDays(1));

        Assert.True(idle);
        Assert.Equal(start, aws.Clock.GetUtcNow());
        Assert.True(Present(aws));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5 * 365 * 24)]
    public void Validate_DeletionDelayOutOfRange_NamesTheProperty(int hours)
    {
        var options = new LocalAwsOptions { DynamoDbTimeToLiveDeletionDelay = TimeSpan.FromHours(hours) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(nameof(LocalAwsOptions.DynamoDbTimeToLiveDeletionDelay), error.Message, StringComparison.Ordinal);
    }
}
