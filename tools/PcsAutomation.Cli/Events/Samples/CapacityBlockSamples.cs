using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// EC2's Capacity Block events (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html; the
/// page's templates: ../shared/reference/events/ec2-capacity-block-*.docs-template.json): source aws.ec2, the Capacity
/// Reservation's ARN in <c>resources</c>, <c>detail."capacity-reservation-id"</c> and <c>detail."end-date"</c>; the
/// instance interruption warning adds <c>instance-id</c>, <c>instance-action</c> "terminate",
/// <c>instance-termination-time</c>, <c>availability-zone-id</c> and <c>instance-lifecycle</c> "capacity-block"
/// (../shared/reference/README.md). Both spellings of the delivered and expiration warning detail-types are AWS's own
/// (the EC2 page and EventBridge reference; the PCS guide, L3506-3507).
/// </summary>
internal static class CapacityBlockSamples
{
    public const string Source = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html; ../shared/reference/events/ec2-capacity-block-*.docs-template.json; ../shared/reference/README.md";

    /// <summary>EC2 terminates a block's instances from 30 minutes before its end (capacity-blocks-using.html; 60 for UltraServers, not modelled here).</summary>
    private static readonly TimeSpan TerminationLead = TimeSpan.FromMinutes(30);

    /// <summary>Without an end date, the expiration warning's own lead: it is sent 40 minutes before the end (../shared/reference/README.md).</summary>
    private static readonly TimeSpan DefaultTimeToEnd = TimeSpan.FromMinutes(40);

    public static Func<SampleContext, JsonObject> Block(string kind, string detailType) => context =>
    {
        var (reservation, end) = Reservation(context, kind);
        return EventEnvelope.Create(context, kind, "aws.ec2", detailType, new JsonObject
        {
            ["capacity-reservation-id"] = reservation,
            ["end-date"] = SampleContext.Timestamp(end),
        }, Arn(context, reservation));
    };

    public static JsonObject InterruptionWarning(SampleContext context)
    {
        const string kind = "capacity-block-interruption-warning";
        var (reservation, end) = Reservation(context, kind);
        var instance = SampleContext.Require(context.InstanceId, kind, "--instance <instance id> (or --emulator <scenario>: an instance running in the block)");
        return EventEnvelope.Create(context, kind, "aws.ec2", "EC2 Capacity Reservation Instance Interruption Warning", new JsonObject
        {
            ["capacity-reservation-id"] = reservation,
            ["end-date"] = SampleContext.Timestamp(end),
            ["instance-id"] = instance,
            ["instance-action"] = "terminate",
            ["instance-termination-time"] = SampleContext.Timestamp(end - TerminationLead),
            // AWS maps zone names to ids per account; the sample's id is a placeholder the router does not read
            ["availability-zone-id"] = context.AvailabilityZoneId ?? "use1-az1",
            ["instance-lifecycle"] = "capacity-block",
        }, Arn(context, reservation));
    }

    private static (string Reservation, DateTimeOffset End) Reservation(SampleContext context, string kind) =>
        (SampleContext.Require(context.ReservationId, kind, "--reservation <cr-…>"), context.ReservationEnd ?? context.Time + DefaultTimeToEnd);

    // The Capacity Reservation ARN form: arn:aws:ec2:<region>:<account>:capacity-reservation/<id> (capacity-blocks-monitor.html's "[ODCR ARN]").
    private static string Arn(SampleContext context, string reservation) => $"arn:aws:ec2:{context.Region}:{context.Account}:capacity-reservation/{reservation}";
}
