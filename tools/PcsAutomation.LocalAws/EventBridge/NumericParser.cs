using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>The <c>numeric</c> operator: <c>["=", 5]</c> or up to one lower and one upper bound, lower below upper.</summary>
internal static class NumericParser
{
    public static NumericMatcher Parse(JsonNode? value)
    {
        if (value is not JsonArray { Count: 2 or 4 } items)
            throw PatternParser.Invalid("Value of numeric must be an array of one or two operator/number pairs");
        double? lower = null, upper = null;
        bool lowerInclusive = false, upperInclusive = false;
        for (var i = 0; i < items.Count; i += 2)
        {
            var op = LeafMatcher.AsString(items[i]) ?? throw PatternParser.Invalid("Invalid member in numeric match: operator must be a string");
            var number = LeafMatcher.AsNumber(items[i + 1]) ?? throw PatternParser.Invalid($"Value of {op} must be a number");
            switch (op)
            {
                case "=" when items.Count == 2:
                    return new NumericMatcher(number, true, number, true);
                case ">" or ">=" when lower is null:
                    (lower, lowerInclusive) = (number, op == ">=");
                    break;
                case "<" or "<=" when upper is null:
                    (upper, upperInclusive) = (number, op == "<=");
                    break;
                case "=" or ">" or ">=" or "<" or "<=":
                    throw PatternParser.Invalid($"Bad numeric range: duplicate or misplaced \"{op}\"");
                default:
                    throw PatternParser.Invalid($"Unrecognized numeric range operator: {op}");
            }
        }
        if (lower is { } lo && upper is { } hi && lo >= hi)
            throw PatternParser.Invalid("Bad numeric range: bottom must be less than top");
        return new NumericMatcher(lower, lowerInclusive, upper, upperInclusive);
    }
}
