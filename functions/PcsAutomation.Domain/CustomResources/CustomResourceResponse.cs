using System.Buffers;
using System.Text.Json;

namespace PcsAutomation.Domain.CustomResources;

/// <summary>SUCCESS or FAILED, the only two values CloudFormation accepts.</summary>
public enum CustomResourceStatus
{
    Success,
    Failed,
}

/// <summary>
/// The response a provider PUTs to the request's <c>ResponseURL</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html): <c>Status</c>;
/// <c>Reason</c> (required when FAILED); <c>PhysicalResourceId</c> (non-empty, up to 1 KB; the same value means an
/// ordinary update, a different one a replacement, after which CloudFormation sends Delete for the old one);
/// <c>StackId</c>, <c>RequestId</c> and <c>LogicalResourceId</c> copied verbatim from the request; <c>Data</c>, the
/// name-value pairs <c>Fn::GetAtt</c> reads. The whole body must not exceed 4096 bytes (same page).
/// </summary>
public sealed record CustomResourceResponse(
    CustomResourceStatus Status,
    string? Reason,
    string PhysicalResourceId,
    string StackId,
    string RequestId,
    string LogicalResourceId,
    IReadOnlyDictionary<string, string>? Data)
{
    /// <summary>"The total size of the response body can't exceed 4096 bytes" (custom resource response objects).</summary>
    public const int MaxBytes = 4096;

    /// <summary>A success answering <paramref name="request"/>, echoing its identifiers.</summary>
    public static CustomResourceResponse Success(CustomResourceRequest request, string physicalResourceId, IReadOnlyDictionary<string, string>? data, string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(CustomResourceStatus.Success, reason, physicalResourceId, request.StackId ?? "", request.RequestId ?? "", request.LogicalResourceId ?? "", data);
    }

    /// <summary>A failure answering <paramref name="request"/>; <paramref name="reason"/> is what the stack events show.</summary>
    public static CustomResourceResponse Failed(CustomResourceRequest request, string physicalResourceId, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(CustomResourceStatus.Failed, reason, physicalResourceId, request.StackId ?? "", request.RequestId ?? "", request.LogicalResourceId ?? "", null);
    }

    /// <summary>
    /// The body as UTF-8 JSON of at most <see cref="MaxBytes"/>: when it would be longer, <see cref="Reason"/> is cut
    /// (never inside a surrogate pair) and <paramref name="truncationNote"/> appended, so CloudFormation still gets an
    /// answer; the identifiers and <c>Data</c> are never cut (CloudFormation needs them exact).
    /// </summary>
    public byte[] ToUtf8Json(string truncationNote = " [cut to fit CloudFormation's 4096-byte response]")
    {
        ArgumentNullException.ThrowIfNull(truncationNote);
        var bytes = Write(Reason);
        if (bytes.Length <= MaxBytes || Reason is null)
            return bytes;
        // The longest prefix that fits, by bisection: escaping makes a character cost 1 to 12 bytes, so no one guess is right.
        var (fits, tooLong) = (0, Reason.Length);
        var best = Write(truncationNote);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            var candidate = Write(Cut(Reason, middle) + truncationNote);
            if (candidate.Length <= MaxBytes)
                (fits, best) = (middle, candidate);
            else
                tooLong = middle;
        }
        return best; // when even the note alone is too long, the identifiers are: CloudFormation will refuse it, nothing shorter is right
    }

    /// <summary>The first <paramref name="length"/> characters, one fewer when that would split a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    // The wire names are the members' names (nameof keeps them in step).
    private byte[] Write(string? reason)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(nameof(Status), Status == CustomResourceStatus.Success ? "SUCCESS" : "FAILED");
            if (reason is not null)
                json.WriteString(nameof(Reason), reason);
            json.WriteString(nameof(PhysicalResourceId), PhysicalResourceId);
            json.WriteString(nameof(StackId), StackId);
            json.WriteString(nameof(RequestId), RequestId);
            json.WriteString(nameof(LogicalResourceId), LogicalResourceId);
            if (Data is { Count: > 0 })
            {
                json.WriteStartObject(nameof(Data));
                foreach (var (name, value) in Data.OrderBy(d => d.Key, StringComparer.Ordinal))
                    json.WriteString(name, value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
