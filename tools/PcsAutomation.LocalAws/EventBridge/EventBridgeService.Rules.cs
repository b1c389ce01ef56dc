using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>The rule and target operations: the subset that lets a client create what template.yaml would.</summary>
public sealed partial class EventBridgeService
{
    private const int MaxTargetsPerRule = 5;

    [GeneratedRegex(@"^[\.\-_A-Za-z0-9]{1,64}$")]
    private static partial Regex NamePattern();

    private JsonObject PutRule(JsonObject request)
    {
        var name = RuleName(request, "Name");
        var busName = BusName(RequestReader.OptionalString(request, "EventBusName"));
        var patternText = RequestReader.OptionalString(request, "EventPattern");
        var scheduleText = RequestReader.OptionalString(request, "ScheduleExpression");
        var state = RequestReader.OptionalString(request, "State") ?? "ENABLED";
        if (state is not ("ENABLED" or "DISABLED" or "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"))
            throw RequestReader.Validation($"1 validation error detected: Value '{state}' at 'state' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
        if (string.IsNullOrEmpty(patternText) && string.IsNullOrEmpty(scheduleText))
            throw RequestReader.Validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        if (!string.IsNullOrEmpty(scheduleText) && busName != EventBus.DefaultBusName)
            throw RequestReader.Validation("ScheduleExpression is supported only on the default event bus.");
        var rule = bus.PutRule(new EventRule(
            name,
            busName,
            bus.RuleArn(busName, name),
            string.IsNullOrEmpty(patternText) ? null : EventPattern.Parse(patternText),
            string.IsNullOrEmpty(scheduleText) ? null : ScheduleExpression.Parse(scheduleText),
            state != "DISABLED",
            RequestReader.OptionalString(request, "Description"),
            []));
        return new JsonObject { ["RuleArn"] = rule.Arn };
    }

    private JsonObject DescribeRule(JsonObject request)
    {
        var rule = ExistingRule(request, "Name");
        var result = RuleJson(rule);
        result["CreatedBy"] = bus.AccountId;
        return result;
    }

    private JsonObject ListRules(JsonObject request)
    {
        var prefix = RequestReader.OptionalString(request, "NamePrefix") ?? "";
        var busName = BusName(RequestReader.OptionalString(request, "EventBusName"));
        var limit = RequestReader.OptionalInt(request, "Limit") ?? 100;
        var start = int.TryParse(RequestReader.OptionalString(request, "NextToken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var all = bus.Rules(busName).Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var page = all.Skip(start).Take(Math.Max(1, limit)).ToList();
        var result = new JsonObject { ["Rules"] = new JsonArray(page.Select(r => (JsonNode)RuleJson(r)).ToArray()) };
        if (start + page.Count < all.Count)
            result["NextToken"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        return result;
    }

    private JsonObject DeleteRule(JsonObject request)
    {
        var name = RuleName(request, "Name");
        var busName = BusName(RequestReader.OptionalString(request, "EventBusName"));
        if (bus.FindRule(busName, name) is { Targets.Count: > 0 })
            throw RequestReader.Validation("Rule can't be deleted since it has targets.");
        bus.RemoveRule(busName, name);
        return [];
    }

    private JsonObject SetEnabled(JsonObject request, bool enabled)
    {
        var rule = ExistingRule(request, "Name");
        bus.PutRule(rule with { Enabled = enabled });
        return [];
    }

    private JsonObject PutTargets(JsonObject request)
    {
        var rule = ExistingRule(request, "Rule");
        var items = RequestReader.OptionalArray(request, "Targets") ?? throw RequestReader.MissingMember("Targets");
        if (items.Count is 0 or > 10)
            throw RequestReader.Validation("1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 10");
        var incoming = items.Select(i => ParseTarget(i as JsonObject ?? throw new AwsServiceException("SerializationException", "Unexpected value for Target"))).ToList();
        var merged = rule.Targets.Where(t => incoming.All(n => n.Id != t.Id)).Concat(incoming).ToList();
        if (merged.Count > MaxTargetsPerRule)
            throw new AwsServiceException("LimitExceededException", $"The requested resource exceeds the maximum number allowed. Rule {rule.Name} can have at most {MaxTargetsPerRule} targets.");
        bus.PutRule(rule with { Targets = merged });
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private JsonObject ListTargetsByRule(JsonObject request)
    {
        var rule = ExistingRule(request, "Rule");
        return new JsonObject { ["Targets"] = new JsonArray(rule.Targets.Select(t => (JsonNode)TargetJson(t)).ToArray()) };
    }

    private JsonObject RemoveTargets(JsonObject request)
    {
        var rule = ExistingRule(request, "Rule");
        var ids = RequestReader.StringList(RequestReader.OptionalArray(request, "Ids") ?? throw RequestReader.MissingMember("Ids"));
        bus.PutRule(rule with { Targets = rule.Targets.Where(t => !ids.Contains(t.Id)).ToList() }, keepTargets: false);
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private EventRule ExistingRule(JsonObject request, string member)
    {
        var name = RuleName(request, member);
        var busName = BusName(RequestReader.OptionalString(request, "EventBusName"));
        return bus.FindRule(busName, name)
            ?? throw new AwsServiceException("ResourceNotFoundException", $"Rule {name} does not exist on EventBus {busName}.");
    }

    private static string RuleName(JsonObject request, string member)
    {
        var name = RequestReader.RequiredString(request, member);
        if (!NamePattern().IsMatch(name))
            throw RequestReader.Validation($"1 validation error detected: Value '{name}' at '{RequestReader.Camel(member)}' failed to satisfy constraint: "
                + @"Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+");
        return name;
    }

    private static RuleTarget ParseTarget(JsonObject item)
    {
        var id = RuleName(item, "Id");
        var arn = RequestReader.RequiredString(item, "Arn");
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
            throw RequestReader.Validation($"Parameter {arn} is not valid. Reason: Provided Arn is not in correct format.");
        var input = RequestReader.OptionalString(item, "Input");
        if (input is not null && !IsJson(input))
            throw RequestReader.Validation($"Parameter Input is not valid. Reason: Input for target {id} is not valid JSON.");
        InputTransformer? transformer = null;
        if (RequestReader.OptionalObject(item, "InputTransformer") is { } t)
        {
            var paths = RequestReader.OptionalObject(t, "InputPathsMap") ?? [];
            transformer = new InputTransformer(
                paths.ToDictionary(p => p.Key, p => RequestReader.OptionalString(paths, p.Key) ?? "", StringComparer.Ordinal),
                RequestReader.RequiredString(t, "InputTemplate"));
        }
        return new RuleTarget(id, arn, input, RequestReader.OptionalString(item, "InputPath"), transformer);
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonObject RuleJson(EventRule rule)
    {
        var json = new JsonObject
        {
            ["Name"] = rule.Name,
            ["Arn"] = rule.Arn,
            ["State"] = rule.Enabled ? "ENABLED" : "DISABLED",
            ["EventBusName"] = rule.EventBusName,
        };
        if (rule.Pattern is { } p)
            json["EventPattern"] = p.Json;
        if (rule.Schedule is { } s)
            json["ScheduleExpression"] = s.Text;
        if (rule.Description is { } d)
            json["Description"] = d;
        return json;
    }

    private static JsonObject TargetJson(RuleTarget target)
    {
        var json = new JsonObject { ["Id"] = target.Id, ["Arn"] = target.Arn };
        if (target.Input is { } input)
            json["Input"] = input;
        if (target.InputPath is { } path)
            json["InputPath"] = path;
        if (target.InputTransformer is { } t)
        {
            json["InputTransformer"] = new JsonObject
            {
                ["InputPathsMap"] = new JsonObject(t.InputPathsMap.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["InputTemplate"] = t.InputTemplate,
            };
        }
        return json;
    }
}
