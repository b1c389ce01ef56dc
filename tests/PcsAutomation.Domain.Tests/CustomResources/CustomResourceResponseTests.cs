using System.Text;
using System.Text.Json;
using PcsAutomation.Domain.CustomResources;
using static PcsAutomation.Domain.Tests.CustomResources.CustomResourceEvents;

namespace PcsAutomation.Domain.Tests.CustomResources;

public class CustomResourceResponseTests
{
    private static readonly CustomResourceRequest Request = Parse(Create(Properties()));

    [Fact] // crpg-ref-responses.html: Status, Reason, PhysicalResourceId, StackId, RequestId, LogicalResourceId, Data
    public void ToUtf8Json_Success_TheDocumentedFieldsWithIdsCopiedVerbatim()
    {
        var response = CustomResourceResponse.Success(Request, "pcs-ami-lookup/a", new Dictionary<string, string> { ["AmiId"] = "ami-0123456789abcdef0" }, "found");

        using var json = JsonDocument.Parse(response.ToUtf8Json());

        var root = json.RootElement;
        Assert.Equal(["Status", "Reason", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "Data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SUCCESS", root.GetProperty("Status").GetString());
        Assert.Equal((StackId, RequestId, LogicalId), (root.GetProperty("StackId").GetString(), root.GetProperty("RequestId").GetString(), root.GetProperty("LogicalResourceId").GetString()));
        Assert.Equal("ami-0123456789abcdef0", root.GetProperty("Data").GetProperty("AmiId").GetString());
    }

    [Fact]
    public void ToUtf8Json_Failed_StatusFailedReasonAndNoData()
    {
        var response = CustomResourceResponse.Failed(Request, "pcs-ami-lookup/failed/r", "no image");

        using var json = JsonDocument.Parse(response.ToUtf8Json());

        Assert.Equal("FAILED", json.RootElement.GetProperty("Status").GetString());
        Assert.Equal("no image", json.RootElement.GetProperty("Reason").GetString());
        Assert.False(json.RootElement.TryGetProperty("Data", out _));
    }

    [Fact]
    public void ToUtf8Json_ReasonTooLong_CutToFit4096BytesWithTheNoteAndIdsIntact()
    {
        var reason = string.Concat(Enumerable.Range(0, 800).Select(i => $"ami-{i:D17} rejected; "));
        var response = CustomResourceResponse.Failed(Request, "pcs-ami-lookup/failed/r", reason);
        Assert.True(Encoding.UTF8.GetByteCount(reason) > CustomResourceResponse.MaxBytes); // the case is real

        var bytes = response.ToUtf8Json(" [cut]");

        Assert.InRange(bytes.Length, CustomResourceResponse.MaxBytes - 64, CustomResourceResponse.MaxBytes);
        using var json = JsonDocument.Parse(bytes);
        var cut = json.RootElement.GetProperty("Reason").GetString()!;
        Assert.EndsWith(" [cut]", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut[..^" [cut]".Length], reason, StringComparison.Ordinal);
        Assert.Equal(RequestId, json.RootElement.GetProperty("RequestId").GetString());
    }

    [Fact]
    public void ToUtf8Json_LongReasonOfEscapedAndAstralCharacters_FitsAndNeverSplitsAPair()
    {
        // '<' is escaped to 6 bytes, a surrogate pair to 12: the cut must still fit and keep pairs whole.
        var reason = string.Concat(Enumerable.Repeat("<\U0001F680", 2000));
        var response = CustomResourceResponse.Failed(Request, "id", reason);

        var bytes = response.ToUtf8Json();

        Assert.True(bytes.Length <= CustomResourceResponse.MaxBytes, $"{bytes.Length} bytes");
        using var json = JsonDocument.Parse(bytes);
        var cut = json.RootElement.GetProperty("Reason").GetString()!;
        Assert.Contains("\U0001F680", cut, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.Select((c, i) => (c, i)), x => char.IsHighSurrogate(x.c) && (x.i + 1 == cut.Length || !char.IsLowSurrogate(cut[x.i + 1])));
    }

    [Fact]
    public void ToUtf8Json_ShortReason_Untouched()
    {
        var response = CustomResourceResponse.Failed(Request, "id", "short");

        using var json = JsonDocument.Parse(response.ToUtf8Json());

        Assert.Equal("short", json.RootElement.GetProperty("Reason").GetString());
    }
}
