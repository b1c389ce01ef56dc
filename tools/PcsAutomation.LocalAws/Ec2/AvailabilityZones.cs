using System.Globalization;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// Zone ids for zone names, as DescribeCapacityReservations and the Capacity Block events show them (us-east-1a →
/// use1-az1). AWS maps names to ids per account; this fixed mapping is the emulator's (README, "Inferred").
/// </summary>
internal static class AvailabilityZones
{
    public static string IdOf(string zone) =>
        "use1-az" + (zone.Length > 0 ? (zone[^1] - 'a' + 1).ToString(CultureInfo.InvariantCulture) : "1");
}
