using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Tests.Serialization;

public class HandlerWrapperTests
{
    private static readonly LambdaHandler Echo = HandlerWrapper.Create(
        (Greeting g, ILambdaContext _) => Task.FromResult(new Reply(g.Name, "")),
        TestJsonContext.Default.Greeting,
        TestJsonContext.Default.Reply);

    [Fact]
    public async Task Handler_ValidInput_SerializesOutputWithTheContextsPolicy()
    {
        var output = await Echo("""{"name":"x"}"""u8.ToArray(), null!);

        Assert.Equal("""{"text":"x","requestId":""}""", System.Text.Encoding.UTF8.GetString(output.Span));
    }

    [Fact]
    public async Task Handler_JsonNull_FailsSayingWhatWasExpected()
    {
        var e = await Assert.ThrowsAsync<LambdaSerializationException>(() => Echo("null"u8.ToArray(), null!));

        Assert.Equal("The input is null; expected a Greeting object.", e.Message);
    }

    [Fact]
    public async Task Handler_EmptyPayload_FailsNamingTheType()
    {
        var e = await Assert.ThrowsAsync<LambdaSerializationException>(() => Echo(ReadOnlyMemory<byte>.Empty, null!));

        Assert.StartsWith("The input is not a valid Greeting:", e.Message, StringComparison.Ordinal);
    }
}
