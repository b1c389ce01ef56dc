using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// Reads the request bodies the emulator serves (v0.0.43 <c>update_node_msg</c>, <c>reservation_desc_msg</c>,
/// <c>reservation_mod_req</c>). Like slurmrestd's data parser, a no_val number is its struct or a plain number, a list of
/// strings an array or a comma-separated string, a node list an array of hostlist expressions. A member of the wrong type
/// fails the request with <c>ESLURM_REST_INVALID_QUERY</c> naming the member; members the emulator does not model are
/// reported as warnings and ignored.
/// </summary>
public sealed class SlurmRestReader(JsonObject body, string source)
{
    /// <summary>The node-state values of the spec's <c>update_node_msg.state</c> enum the emulated slurmctld acts on.</summary>
    private static readonly string[] NodeStates = [PcsFleet.Drain, PcsFleet.Resume, PcsFleet.Undrain];

    public List<string> Warnings { get; } = [];

    public static SlurmRestReader Parse(string? text, string source)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Invalid("the body is not JSON", source);
        }
        return node is JsonObject o ? new SlurmRestReader(o, source) : throw Invalid("unexpected empty query", source);
    }

    /// <summary><c>update_node_msg</c>: the state to set (one value), the reason, and the node names of a batch update.</summary>
    public (string State, string? Reason, IReadOnlyList<string>? Names) NodeUpdate()
    {
        Only(NodeUpdateMembers);
        var states = StringList("state") ?? throw Invalid("state is required (e.g. [\"DRAIN\"] or [\"RESUME\"])", source);
        if (states.Count != 1 || !NodeStates.Contains(states[0]))
            throw new SlurmException(SlurmErrors.InvalidNodeState,
                $"state [{string.Join(", ", states)}] is not emulated: one of {string.Join(", ", NodeStates)}", source);
        return (states[0], Text("reason"), StringList("name"));
    }

    /// <summary><c>reservation_desc_msg</c>; null when it names no reservation.</summary>
    public SlurmReservationRequest? Reservation()
    {
        Only(ReservationMembers);
        if (Text("name") is not { } name) return null;
        return new SlurmReservationRequest(name)
        {
            Start = NoValNumber("start_time") is { } start ? DateTimeOffset.FromUnixTimeSeconds(start) : null,
            End = NoValNumber("end_time") is { } end ? DateTimeOffset.FromUnixTimeSeconds(end) : null,
            DurationMinutes = NoValNumber("duration"),
            NodeList = StringList("node_list"),
            NodeCount = NoValNumber("node_count") is { } count ? (int)count : null,
            Partition = Text("partition"),
            Flags = StringList("flags") ?? [],
            Users = StringList("users") ?? [],
            Accounts = StringList("accounts") ?? [],
            Groups = StringList("groups") ?? [],
            Comment = Text("comment"),
        };
    }

    /// <summary><c>reservation_mod_req</c>: <c>{"reservations": [reservation_desc_msg, ...]}</c>.</summary>
    public IReadOnlyList<SlurmRestReader> Reservations()
    {
        Only(ReservationListMembers);
        if (body["reservations"] is not JsonArray list) throw Invalid("No reservation descriptions specified in reservations array", source);
        return list.Select((item, i) => item is JsonObject o ? new SlurmRestReader(o, source) : throw Invalid($"reservations[{i}] is not an object", source)).ToList();
    }

    public static SlurmException Invalid(string why, string source) =>
        new(SlurmErrors.RestInvalidQuery, $"Rejecting request. Failure parsing parameters: {why}", source);

    private static readonly string[] NodeUpdateMembers = ["state", "reason", "name", "reason_uid"];
    private static readonly string[] ReservationMembers =
        ["name", "start_time", "end_time", "duration", "node_list", "node_count", "partition", "flags", "users", "accounts", "groups", "comment"];
    private static readonly string[] ReservationListMembers = ["reservations"];

    private void Only(string[] known)
    {
        foreach (var (key, _) in body)
            if (!known.Contains(key)) Warnings.Add($"Ignoring field {key}: the emulated slurmrestd does not model it");
    }

    private string? Text(string member) => body[member] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw Invalid($"{member} must be a string", source),
    };

    /// <summary>A <c>*_no_val_struct</c> (<c>{"set":true,"number":N}</c>), a number, or digits; unset gives null.</summary>
    private long? NoValNumber(string member)
    {
        switch (body[member])
        {
            case null:
                return null;
            case JsonObject o:
                if (o["infinite"] is JsonValue inf && inf.TryGetValue<bool>(out var infinite) && infinite)
                    throw Invalid($"{member}: infinite is not emulated", source);
                if (o["set"] is JsonValue set && set.TryGetValue<bool>(out var isSet) && !isSet) return null;
                return o["number"] is JsonValue n && n.TryGetValue<long>(out var number) ? number : throw Invalid($"{member}.number must be an integer", source);
            case JsonValue v when v.TryGetValue<long>(out var plain):
                return plain;
            case JsonValue v when v.TryGetValue<string>(out var digits) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw Invalid($"{member} must be a number or {{\"set\":true,\"number\":N}}", source);
        }
    }

    /// <summary>An array of strings, or one comma-separated string (node lists stay hostlist expressions).</summary>
    private List<string>? StringList(string member) => body[member] switch
    {
        null => null,
        JsonArray a when a.All(e => e is JsonValue v && v.TryGetValue<string>(out _)) => a.Select(e => e!.GetValue<string>()).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => member == "node_list" || member == "name" ? [s] : [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        _ => throw Invalid($"{member} must be a list of strings", source),
    };
}
