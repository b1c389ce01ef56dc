namespace PcsAutomation.Domain.Ami;

/// <summary>Where a lookup finds AMIs.</summary>
public enum AmiChannelKind
{
    /// <summary>The PCS sample AMIs published by AWS (guide L5537-5599).</summary>
    Sample,

    /// <summary>AMIs named like a pattern (<c>*</c> and <c>?</c> wildcards), owned by one owner.</summary>
    Custom,

    /// <summary>AMIs carrying one tag value, owned by one owner.</summary>
    Tag,

    /// <summary>The AMI id an SSM parameter holds.</summary>
    Ssm,
}

/// <summary>
/// A parsed channel: <c>sample</c>, <c>custom:&lt;name pattern&gt;</c>, <c>tag:&lt;key&gt;=&lt;value&gt;</c> or
/// <c>ssm:&lt;parameter name&gt;</c> (<see cref="AmiChannelParser"/>). <see cref="Owner"/> is what DescribeImages takes as
/// an owner: <c>self</c> (this account, the default), <c>amazon</c> or a 12-digit account id; <c>amazon</c> for samples,
/// null for SSM (the parameter names the image).
/// </summary>
public sealed record AmiChannel(AmiChannelKind Kind, string? NamePattern, string? TagKey, string? TagValue, string? ParameterName, string? Owner)
{
    public const string SelfOwner = "self";
    public const string AmazonOwner = "amazon";

    public static readonly AmiChannel Sample = new(AmiChannelKind.Sample, null, null, null, null, AmazonOwner);

    /// <summary>The channel's text, as <see cref="AmiChannelParser.Parse"/> reads it (the owner is separate).</summary>
    public string Text => Kind switch
    {
        AmiChannelKind.Sample => "sample",
        AmiChannelKind.Custom => $"custom:{NamePattern}",
        AmiChannelKind.Tag => $"tag:{TagKey}={TagValue}",
        _ => $"ssm:{ParameterName}",
    };

    public override string ToString() => Owner is null || Kind == AmiChannelKind.Sample ? Text : $"{Text} (owner {Owner})";
}
