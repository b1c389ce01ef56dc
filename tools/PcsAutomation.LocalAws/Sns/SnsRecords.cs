namespace PcsAutomation.LocalAws.Sns;

/// <summary>A topic: its ARN, name and the attributes SetTopicAttributes would change (DisplayName, Policy...).</summary>
public sealed record SnsTopic(string Arn, string Name, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, string> Tags);

/// <summary>One message attribute as SNS carries it: <c>DataType</c> (String, String.Array, Number, Binary) and its value.</summary>
public sealed record SnsAttributeValue(string DataType, string? StringValue, string? BinaryValue);

/// <summary>A published message, as a subscriber would receive it, stamped with the virtual time of the Publish.</summary>
public sealed record SnsMessage(
    string TopicArn,
    string MessageId,
    string? Subject,
    string Message,
    IReadOnlyDictionary<string, SnsAttributeValue> MessageAttributes,
    DateTimeOffset Time);
