using System.Text.Json.Serialization;

namespace PcsAutomation.Slurm.Wire;

/// <summary>Source-generated JSON for slurmrestd (Native AOT: no reflection); members are snake_case on the wire.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireResponse))]
[JsonSerializable(typeof(WirePingResponse))]
[JsonSerializable(typeof(WireJobsResponse))]
[JsonSerializable(typeof(WireNodesResponse))]
[JsonSerializable(typeof(WireUpdateNode))]
[JsonSerializable(typeof(WireReservationsResponse))]
[JsonSerializable(typeof(WireReservationDescription))]
[JsonSerializable(typeof(WireReservationModResponse))]
internal sealed partial class SlurmWireJsonContext : JsonSerializerContext;
