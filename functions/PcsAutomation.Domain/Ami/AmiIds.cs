using System.Buffers;

namespace PcsAutomation.Domain.Ami;

/// <summary>
/// EC2 image ids: <c>ami-</c> and 8 (older) or 17 lower-case hexadecimal characters (EC2 resource ids; the guide's
/// example <c>ami-0123456789abcdef0</c>, digest §3).
/// </summary>
public static class AmiIds
{
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static bool IsValid(string? id) =>
        id is not null && id.StartsWith("ami-", StringComparison.Ordinal) && id.Length is 12 or 21 && !id.AsSpan(4).ContainsAnyExcept(Hex);

    /// <summary>Null when valid, else why, quoting the id.</summary>
    public static string? Problem(string? id) =>
        IsValid(id) ? null : $"'{id}' is not an AMI id: expected ami- and 8 or 17 lower-case hexadecimal characters, e.g. ami-0123456789abcdef0.";
}
