using System.Net;
using System.Net.Sockets;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>An IPv4 or IPv6 network for the <c>cidr</c> filter.</summary>
internal sealed class CidrBlock
{
    private readonly byte[] network;
    private readonly int prefixLength;
    private readonly AddressFamily family;

    private CidrBlock(byte[] network, int prefixLength, AddressFamily family)
    {
        this.network = network;
        this.prefixLength = prefixLength;
        this.family = family;
    }

    public static CidrBlock Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseStrict(addressText, out var address))
            throw PatternParser.Invalid($"Nonstandard IP address: {addressText}");
        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8))
            throw PatternParser.Invalid($"Malformed CIDR, invalid prefix: {text}");
        return new CidrBlock(bytes, prefix, address.AddressFamily);
    }

    public bool Contains(string ip)
    {
        if (!TryParseStrict(ip, out var address) || address.AddressFamily != family)
            return false;
        var bytes = address.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask))
                return false;
        }
        return true;
    }

    // IPAddress.TryParse accepts shorthand like "10.1" or scoped "fe80::1%eth0"; EventBridge wants plain dotted quads and IPv6.
    private static bool TryParseStrict(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var parsed))
            return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
            return false;
        address = parsed;
        return true;
    }
}
