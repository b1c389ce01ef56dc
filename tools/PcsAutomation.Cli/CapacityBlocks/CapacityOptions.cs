using System.CommandLine;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>What a capacity command was asked, checked (<see cref="CapacityOptions.Request"/>) before any call.</summary>
/// <param name="ReservationId">For <c>plan</c>: a well-formed reservation id; null for <c>list</c>.</param>
/// <param name="Emulator">The scenario to read instead of AWS, or null.</param>
public sealed record CapacityRequest(string? ReservationId, CapacityBlockExpiryOptions Options, bool Json, string? Emulator);

/// <summary>The options <c>capacity-blocks list</c> and <c>plan</c> share: <c>--emulator</c>, <c>--output</c>, <c>--lead-minutes</c>.</summary>
internal sealed class CapacityOptions
{
    public Option<string?> Emulator { get; } = new("--emulator") { Description = "Read the in-process emulator on this scenario (shipped: capacity, demo; or a YAML path), on its virtual clock." };

    public Option<string> Output { get; } = new("--output") { Description = "text (default) or json (for scripts).", DefaultValueFactory = _ => "text" };

    public Option<int> LeadMinutes { get; } = new("--lead-minutes")
    {
        Description = "How long before a block's end the expiry acts: the stack parameter CapacityBlockExpiryLeadMinutes (default 90, 1 to 720).",
        DefaultValueFactory = _ => (int)ExpiryTiming.DefaultLead.TotalMinutes,
    };

    public CapacityOptions() => Output.AcceptOnlyFromAmong("text", "json");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Emulator);
        command.Add(Output);
        command.Add(LeadMinutes);
    }

    /// <summary>The request, every value checked: a malformed reservation id or a lead out of range is a usage error naming the option.</summary>
    public CapacityRequest Request(ParseResult parse, string? reservation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new CapacityRequest(reservation is null ? null : ReservationId(reservation), Expiry(parse.GetValue(LeadMinutes)), parse.GetValue(Output) == "json", parse.GetValue(Emulator));
    }

    /// <summary>The <c>--reservation</c> given, trimmed; a malformed id is a usage error quoting it.</summary>
    public static string ReservationId(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var id = given.Trim();
        return ReservationIds.Problem(id) is { } problem ? throw new CliException($"--reservation {problem}.") : id;
    }

    private static CapacityBlockExpiryOptions Expiry(int leadMinutes)
    {
        try
        {
            return new CapacityBlockExpiryOptions(lead: TimeSpan.FromMinutes(leadMinutes));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CliException($"--lead-minutes {leadMinutes} is outside 1..{(int)ExpiryTiming.MaxLead.TotalMinutes}: the expiry acts this long before a block's end (default {(int)ExpiryTiming.DefaultLead.TotalMinutes}).");
        }
    }
}
