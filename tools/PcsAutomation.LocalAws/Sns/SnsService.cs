using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.LocalAws.Sns;

/// <summary>
/// A minimal Amazon SNS: topics and Publish, recording every published message in <see cref="Messages"/> (there
/// are no subscriptions: tests read what a subscriber would have received). <see cref="Invoke"/> takes the
/// structured request (members as in the SNS model: <c>TopicArn</c>, <c>MessageAttributes</c> as a map of
/// <c>{DataType, StringValue}</c>); <see cref="SnsQueryEndpoint"/> builds it from the query protocol's form.
/// Thread-safe: template loading may create topics outside the world's gate.
/// </summary>
public sealed partial class SnsService(TimeProvider time, string region, string accountId, Func<string> newMessageId)
{
    public const string SigningName = "sns";
    public const string EventSource = "sns.amazonaws.com";

    /// <summary>SNS's limit on a message with its attributes (256 KiB).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    private const int PageSize = 100;

    private readonly Dictionary<string, SnsTopic> topics = new(StringComparer.Ordinal);
    private readonly List<SnsMessage> messages = [];
    private readonly Lock gate = new();

    /// <summary>Every message published, in order (all topics).</summary>
    public IReadOnlyList<SnsMessage> Messages
    {
        get { lock (gate) return messages.ToList(); }
    }

    /// <summary>The topics, by ARN.</summary>
    public IReadOnlyList<SnsTopic> Topics
    {
        get { lock (gate) return topics.Values.OrderBy(t => t.Arn, StringComparer.Ordinal).ToList(); }
    }

    /// <summary>The messages published to one topic, in order.</summary>
    public IReadOnlyList<SnsMessage> MessagesTo(string topicArn)
    {
        lock (gate) return messages.Where(m => m.TopicArn == topicArn).ToList();
    }

    /// <summary>The topic's ARN <c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>; idempotent, like the API.</summary>
    public string CreateTopic(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Invoke("CreateTopic", new JsonObject { ["Name"] = name })["TopicArn"]!.GetValue<string>();
    }

    /// <summary>Publishes as the API does (errors are <see cref="AwsServiceException"/>); returns the message id.</summary>
    public string Publish(string topicArn, string message, string? subject = null, IReadOnlyDictionary<string, SnsAttributeValue>? attributes = null)
    {
        var request = new JsonObject { ["TopicArn"] = topicArn, ["Message"] = message };
        if (subject is not null) request["Subject"] = subject;
        if (attributes is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                var attribute = new JsonObject { ["DataType"] = value.DataType };
                if (value.StringValue is not null) attribute["StringValue"] = value.StringValue;
                if (value.BinaryValue is not null) attribute["BinaryValue"] = value.BinaryValue;
                map[key] = attribute;
            }
            request["MessageAttributes"] = map;
        }
        return Invoke("Publish", request)["MessageId"]!.GetValue<string>();
    }

    /// <summary>Publish is a data event in CloudTrail (recorded only by trails that select SNS data events), so the
    /// default trail the emulator models does not show it; the other read operations are not recorded either.</summary>
    public static bool IsNotManagementWrite(string operation) =>
        operation is "Publish" or "PublishBatch" || Host.JsonServiceRegistration.DefaultIsReadOnly(operation);

    /// <summary>CloudTrail shows SNS members in camelCase (<c>requestParameters.name</c>, <c>responseElements.topicArn</c>).</summary>
    public static JsonNode? CloudTrailMembers(JsonNode? node) =>
        node switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
                p.Key.Length > 0 ? char.ToLowerInvariant(p.Key[0]) + p.Key[1..] : p.Key, CloudTrailMembers(p.Value?.DeepClone())))),
            JsonArray a => new JsonArray(a.Select(i => CloudTrailMembers(i?.DeepClone())).ToArray()),
            _ => node,
        };

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            return operation switch
            {
                "CreateTopic" => CreateTopicCore(request),
                "Publish" => PublishCore(request),
                "ListTopics" => ListTopics(request),
                "GetTopicAttributes" => GetTopicAttributes(request),
                "DeleteTopic" => DeleteTopic(request),
                _ => throw new AwsServiceException("InvalidAction", $"The action {SnsErrors.Clip(operation)} is not valid for this web service.", 400),
            };
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicName();

    private JsonObject CreateTopicCore(JsonObject request)
    {
        var name = Text(request, "Name") ?? throw SnsErrors.InvalidParameter("Invalid parameter: Topic Name");
        var attributes = StringMap(request, "Attributes");
        var fifo = attributes.TryGetValue("FifoTopic", out var f) && string.Equals(f, "true", StringComparison.OrdinalIgnoreCase);
        var baseName = fifo && name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        if (!TopicName().IsMatch(baseName) || name.Length > 256 || (name.EndsWith(".fifo", StringComparison.Ordinal) && !fifo))
            throw SnsErrors.InvalidParameter("Invalid parameter: Topic Name");
        if (fifo && !name.EndsWith(".fifo", StringComparison.Ordinal))
            throw SnsErrors.InvalidParameter("Invalid parameter: Topic Name");
        var arn = $"arn:aws:sns:{region}:{accountId}:{name}";
        if (topics.TryGetValue(arn, out var existing))
        {
            // CreateTopic is idempotent only for the same attributes, as in SNS
            if (attributes.Any(a => !existing.Attributes.TryGetValue(a.Key, out var v) || v != a.Value))
                throw SnsErrors.InvalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
            return new JsonObject { ["TopicArn"] = arn };
        }
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request["Tags"] is JsonArray tagList)
            foreach (var tag in tagList.OfType<JsonObject>())
                if (Text(tag, "Key") is { } key) tags[key] = Text(tag, "Value") ?? "";
        topics[arn] = new SnsTopic(arn, name, time.GetUtcNow(), attributes, tags);
        return new JsonObject { ["TopicArn"] = arn };
    }

    private JsonObject DeleteTopic(JsonObject request)
    {
        var arn = Text(request, "TopicArn") ?? throw SnsErrors.InvalidParameter("Invalid parameter: TopicArn");
        CheckArn(arn, "TopicArn");
        topics.Remove(arn); // deleting a missing topic succeeds in SNS
        return [];
    }

    private JsonObject PublishCore(JsonObject request)
    {
        var arnMember = request.ContainsKey("TopicArn") ? "TopicArn" : "TargetArn";
        var arn = Text(request, arnMember);
        if (arn is null)
            throw Text(request, "PhoneNumber") is not null
                ? SnsErrors.InvalidParameter("Invalid parameter: PhoneNumber Reason: SMS is not served by the local emulator")
                : SnsErrors.InvalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        CheckArn(arn, arnMember);
        var message = Text(request, "Message");
        if (string.IsNullOrEmpty(message)) throw SnsErrors.InvalidParameter("Invalid parameter: Empty message");
        var subject = Text(request, "Subject");
        if (subject is not null && (subject.Length is 0 or > 100 || subject.Any(c => c is < ' ' or > '~') || char.IsWhiteSpace(subject[0])))
            throw SnsErrors.InvalidParameter("Invalid parameter: Subject");
        if (Text(request, "MessageStructure") is { } structure)
        {
            if (structure != "json") throw SnsErrors.InvalidParameter("Invalid parameter: MessageStructure");
            JsonObject? parsed;
            try { parsed = JsonNode.Parse(message) as JsonObject; }
            catch (JsonException) { parsed = null; }
            if (parsed is null) throw SnsErrors.InvalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
            if (parsed["default"] is null) throw SnsErrors.InvalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        var attributes = MessageAttributes(request);
        var size = Encoding.UTF8.GetByteCount(message) + attributes.Sum(a =>
            Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType) +
            Encoding.UTF8.GetByteCount(a.Value.StringValue ?? a.Value.BinaryValue ?? ""));
        if (size > MaxMessageBytes) throw SnsErrors.InvalidParameter("Invalid parameter: Message too long");
        if (!topics.TryGetValue(arn, out var topic)) throw SnsErrors.NotFound("Topic does not exist");
        if (topic.Name.EndsWith(".fifo", StringComparison.Ordinal) && Text(request, "MessageGroupId") is null)
            throw SnsErrors.InvalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        var id = newMessageId();
        messages.Add(new SnsMessage(arn, id, subject, message, attributes, time.GetUtcNow()));
        var response = new JsonObject { ["MessageId"] = id };
        if (topic.Name.EndsWith(".fifo", StringComparison.Ordinal))
            response["SequenceNumber"] = (10000000000000000000m + messages.Count).ToString(CultureInfo.InvariantCulture);
        return response;
    }

    private JsonObject ListTopics(JsonObject request)
    {
        var start = 0;
        if (Text(request, "NextToken") is { } token &&
            (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > topics.Count))
            throw SnsErrors.InvalidParameter("Invalid parameter: NextToken");
        var ordered = topics.Keys.Order(StringComparer.Ordinal).ToList();
        var page = ordered.Skip(start).Take(PageSize).Select(a => (JsonNode)new JsonObject { ["TopicArn"] = a }).ToArray();
        var response = new JsonObject { [nameof(Topics)] = new JsonArray(page) };
        if (start + PageSize < ordered.Count) response["NextToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
        return response;
    }

    private JsonObject GetTopicAttributes(JsonObject request)
    {
        var arn = Text(request, "TopicArn") ?? throw SnsErrors.InvalidParameter("Invalid parameter: TopicArn");
        CheckArn(arn, "TopicArn");
        if (!topics.TryGetValue(arn, out var topic)) throw SnsErrors.NotFound("Topic does not exist");
        var attributes = new JsonObject
        {
            ["Owner"] = accountId,
            ["TopicArn"] = arn,
            ["DisplayName"] = topic.Attributes.GetValueOrDefault("DisplayName", ""),
            ["SubscriptionsConfirmed"] = "0",
            ["SubscriptionsPending"] = "0",
            ["SubscriptionsDeleted"] = "0",
            ["Policy"] = topic.Attributes.GetValueOrDefault("Policy") ?? DefaultPolicy(arn),
            ["EffectiveDeliveryPolicy"] = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}",
        };
        foreach (var (key, value) in topic.Attributes) attributes[key] = value;
        return new JsonObject { ["Attributes"] = attributes };
    }

    private string DefaultPolicy(string arn) =>
        new JsonObject
        {
            ["Version"] = "2008-10-17",
            ["Id"] = "__default_policy_ID",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Sid"] = "__default_statement_ID",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = "*" },
                ["Action"] = new JsonArray("SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission",
                    "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"),
                ["Resource"] = arn,
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["AWS:SourceOwner"] = accountId } },
            }),
        }.ToJsonString();

    /// <summary>A malformed ARN is InvalidParameter; a well-formed one naming no topic is NotFound (checked by the caller).</summary>
    private void CheckArn(string arn, string member)
    {
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sns" || parts[5].Length == 0)
            throw SnsErrors.InvalidParameter($"Invalid parameter: {member}");
        if (parts[3] != region || parts[4] != accountId)
            throw SnsErrors.InvalidParameter($"Invalid parameter: {member} Reason: A ARN must have the region and account of the endpoint");
    }

    private static Dictionary<string, SnsAttributeValue> MessageAttributes(JsonObject request)
    {
        var result = new Dictionary<string, SnsAttributeValue>(StringComparer.Ordinal);
        if (request["MessageAttributes"] is not JsonObject map) return result;
        if (map.Count > 10) throw SnsErrors.InvalidParameter("Invalid parameter: MessageAttributes Reason: Number of message attributes [" + map.Count + "] exceeds the allowed maximum [10].");
        foreach (var (name, node) in map)
        {
            if (node is not JsonObject value)
                throw SnsErrors.InvalidParameterValue($"The message attribute '{SnsErrors.Clip(name)}' must contain non-empty message attribute value.");
            var type = Text(value, "DataType");
            if (string.IsNullOrEmpty(type))
                throw SnsErrors.InvalidParameterValue($"The message attribute '{SnsErrors.Clip(name)}' must contain non-empty message attribute type.");
            var baseType = type.Split('.')[0];
            var stringValue = Text(value, "StringValue");
            var binaryValue = Text(value, "BinaryValue");
            switch (baseType)
            {
                case "String" or "Number" when string.IsNullOrEmpty(stringValue):
                    throw SnsErrors.InvalidParameterValue($"The message attribute '{SnsErrors.Clip(name)}' must contain non-empty message attribute value for message attribute type '{baseType}'.");
                case "Number" when !decimal.TryParse(stringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    throw SnsErrors.InvalidParameterValue($"An invalid or out-of-range value '{SnsErrors.Clip(stringValue!)}' was supplied for message attribute '{SnsErrors.Clip(name)}' of type Number.");
                case "Binary" when string.IsNullOrEmpty(binaryValue):
                    throw SnsErrors.InvalidParameterValue($"The message attribute '{SnsErrors.Clip(name)}' must contain non-empty message attribute value for message attribute type 'Binary'.");
                case "String" or "Number" or "Binary":
                    break;
                default:
                    throw SnsErrors.InvalidParameterValue($"The message attribute '{SnsErrors.Clip(name)}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            result[name] = new SnsAttributeValue(type, stringValue, binaryValue);
        }
        return result;
    }

    private static Dictionary<string, string> StringMap(JsonObject request, string member)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request[member] is JsonObject map)
            foreach (var (key, value) in map)
                if (value is JsonValue v && v.TryGetValue<string>(out var s)) result[key] = s;
        return result;
    }

    private static string? Text(JsonObject json, string member) =>
        json[member] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
