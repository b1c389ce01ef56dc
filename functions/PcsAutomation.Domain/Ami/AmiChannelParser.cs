namespace PcsAutomation.Domain.Ami;

/// <summary>Bad channel text: the message quotes it and says which form was expected.</summary>
public sealed class AmiChannelException : FormatException
{
    public AmiChannelException(string message) : base(message) { }

    public AmiChannelException() { }

    public AmiChannelException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Reads the channel text an operator writes (CLI <c>--channel</c>, the <c>pcs-automation:ami-channel</c> tag).</summary>
public static class AmiChannelParser
{
    private const string Forms = "one of sample, custom:<AMI name pattern>, tag:<key>=<value>, ssm:<parameter name>";

    /// <summary>
    /// Parses <paramref name="text"/> (exact, lower-case prefixes, no trimming); <paramref name="owner"/> applies to
    /// <c>custom:</c> and <c>tag:</c> only (default <c>self</c>). Anything invalid throws <see cref="AmiChannelException"/>.
    /// </summary>
    public static AmiChannel Parse(string? text, string? owner = null)
    {
        if (string.IsNullOrEmpty(text))
            throw new AmiChannelException($"AMI channel is empty: expected {Forms}.");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? text : text[..colon];
        var rest = colon < 0 ? null : text[(colon + 1)..];
        var channel = prefix switch
        {
            "sample" when rest is null => AmiChannel.Sample,
            "custom" when rest is not null => Custom(text, rest, Owner(text, owner)),
            "tag" when rest is not null => Tag(text, rest, Owner(text, owner)),
            "ssm" when rest is not null => Ssm(text, rest),
            _ => throw new AmiChannelException($"AMI channel '{text}' is not {Forms}."),
        };
        if (owner is not null && channel.Kind is AmiChannelKind.Sample or AmiChannelKind.Ssm)
            throw new AmiChannelException($"AMI channel '{text}': an owner ('{owner}') applies to custom: and tag: channels only (sample AMIs are owned by amazon, an SSM parameter names its image).");
        return channel;
    }

    // EC2 CreateImage: names of 3-128 letters, digits, ( ) [ ] space . / - ' @ _
    // (https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/EC2/MCreateImageRequestctorStringString.html); a pattern
    // adds the filter wildcards * and ? (EC2 filter syntax), so only its length limit (128) is checked, not the minimum.
    private static AmiChannel Custom(string text, string pattern, string owner)
    {
        if (pattern.Length is 0 or > 128)
            throw new AmiChannelException($"AMI channel '{text}': the name pattern must be 1-128 characters.");
        foreach (var c in pattern)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '(' or ')' or '[' or ']' or ' ' or '.' or '/' or '-' or '\'' or '@' or '_' or '*' or '?'))
                throw new AmiChannelException($"AMI channel '{text}': '{c}' cannot appear in an AMI name (letters, digits, ( ) [ ] space . / - ' @ _, and the wildcards * ?).");
        }
        return new AmiChannel(AmiChannelKind.Custom, pattern, null, null, null, owner);
    }

    // EC2 tags: key 1-128 characters, value 0-256 (EC2 Tag API reference); keys starting aws: are AWS's own, still readable.
    private static AmiChannel Tag(string text, string keyValue, string owner)
    {
        var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new AmiChannelException($"AMI channel '{text}': expected tag:<key>=<value>, e.g. tag:pcs-automation:channel=stable.");
        var key = keyValue[..equals];
        var value = keyValue[(equals + 1)..];
        if (key.Length > 128 || value.Length > 256)
            throw new AmiChannelException($"AMI channel '{text}': a tag key has at most 128 characters and a value at most 256.");
        if (value.Length == 0)
            throw new AmiChannelException($"AMI channel '{text}': the tag value is empty.");
        return new AmiChannel(AmiChannelKind.Tag, null, key, value, null, owner);
    }

    // SSM parameter names: a-zA-Z0-9_.- and / for hierarchies, no spaces, at most 2048 characters
    // (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ssm/aws.sdk.kotlin.services.ssm.model/-put-parameter-request/name.html).
    // Public parameters (/aws/service/...) are read like any other.
    private static AmiChannel Ssm(string text, string name)
    {
        if (name.Length is 0 or > 2048)
            throw new AmiChannelException($"AMI channel '{text}': the SSM parameter name must be 1-2048 characters.");
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/'))
                throw new AmiChannelException($"AMI channel '{text}': '{c}' cannot appear in an SSM parameter name (letters, digits, _ . - /).");
        }
        return new AmiChannel(AmiChannelKind.Ssm, null, null, null, name, null);
    }

    /// <summary><c>self</c>, <c>amazon</c> or a 12-digit account id (DescribeImages Owners).</summary>
    private static string Owner(string text, string? owner)
    {
        if (owner is null)
            return AmiChannel.SelfOwner;
        if (owner is AmiChannel.SelfOwner or AmiChannel.AmazonOwner || (owner.Length == 12 && owner.All(char.IsAsciiDigit)))
            return owner;
        throw new AmiChannelException($"AMI channel '{text}': owner '{owner}' is not self, amazon or a 12-digit account id.");
    }
}
