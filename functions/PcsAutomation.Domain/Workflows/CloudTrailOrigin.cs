namespace PcsAutomation.Domain.Workflows;

/// <summary>
/// Whether a CloudTrail event delivered by EventBridge is about this account and Region. The envelope names them
/// (<c>account</c>, <c>region</c>), and so does the CloudTrail record (<c>recipientAccountId</c>, the account that
/// received the call, and <c>awsRegion</c>, the Region it was made to:
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). An
/// event bus may receive events of other accounts (cross-account rules, an organization's bus): such an event is about
/// clusters this deployment does not own, so it is refused rather than looked up here.
/// </summary>
public static class CloudTrailOrigin
{
    /// <summary>Null when every account and Region the event names is ours and it names at least one of each; otherwise why not.</summary>
    public static string? Rejection(
        string? envelopeAccount, string? recipientAccountId, string? envelopeRegion, string? awsRegion, string ownAccount, string ownRegion)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownAccount);
        ArgumentException.ThrowIfNullOrEmpty(ownRegion);
        if (Mismatch("account", ("account", envelopeAccount), ("detail.recipientAccountId", recipientAccountId), ownAccount) is { } account)
            return account;
        return Mismatch("Region", ("region", envelopeRegion), ("detail.awsRegion", awsRegion), ownRegion);
    }

    private static string? Mismatch(string what, (string Field, string? Value) envelope, (string Field, string? Value) record, string own)
    {
        if (string.IsNullOrEmpty(envelope.Value) && string.IsNullOrEmpty(record.Value))
            return $"the event names no {what} ({envelope.Field} and {record.Field} are missing): it cannot be checked against this function's {what} {own}";
        foreach (var (field, value) in new[] { envelope, record })
        {
            if (!string.IsNullOrEmpty(value) && !string.Equals(value, own, StringComparison.Ordinal))
                return $"event from {what} {Clip(value)} ({field}), not this function's {what} {own}";
        }
        return null;
    }

    /// <summary>
    /// The account of a Lambda function ARN, <c>arn:&lt;partition&gt;:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;[:&lt;qualifier&gt;]</c>
    /// (what the Runtime API gives as Lambda-Runtime-Invoked-Function-Arn); null when it is not one.
    /// </summary>
    public static string? AccountOfFunctionArn(string? functionArn)
    {
        var parts = functionArn?.Split(':');
        return parts is { Length: >= 7 } && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit)
            ? parts[4]
            : null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
