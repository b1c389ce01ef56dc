using System.Buffers;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Capacity Reservation ids: <c>cr-</c> and 17 lower-case hexadecimal characters (the guide's example
/// <c>cr-1234567890abcdef1</c>, L3353). EC2 ids of older resource types may have 8 characters
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html); Capacity Reservations came later and are
/// only seen with 17 (README, assumptions).
/// </summary>
public static class ReservationIds
{
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static bool IsValid(string? id) =>
        id is { Length: 20 } && id.StartsWith("cr-", StringComparison.Ordinal) && !id.AsSpan(3).ContainsAnyExcept(Hex);

    /// <summary>What an id looks like, for messages.</summary>
    public const string Expected = "expected cr- and 17 lower-case hexadecimal characters, e.g. cr-1234567890abcdef1";

    /// <summary>Null when valid, else why, quoting the id (cut at 40 characters).</summary>
    public static string? Problem(string? id) =>
        IsValid(id) ? null : $"'{Clip(id ?? "")}' is not a Capacity Reservation id: {Expected}";

    internal static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
