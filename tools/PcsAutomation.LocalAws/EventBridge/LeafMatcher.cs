using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>One alternative in a pattern field's array; the field matches when any alternative matches any value.</summary>
internal abstract record LeafMatcher
{
    public abstract bool Matches(JsonNode? value);

    public static string? AsString(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static double? AsNumber(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}

/// <summary>Exact string value (case-sensitive, character by character).</summary>
internal sealed record ExactStringMatcher(string Value) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => AsString(value) == Value;
}

/// <summary>Exact number, compared by value (300 equals 300.0).</summary>
internal sealed record ExactNumberMatcher(double Value) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => AsNumber(value) == Value;
}

/// <summary>Exact <c>true</c>/<c>false</c>.</summary>
internal sealed record ExactBooleanMatcher(bool Value) : LeafMatcher
{
    public override bool Matches(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == (Value ? JsonValueKind.True : JsonValueKind.False);
}

/// <summary>JSON <c>null</c>; an empty string is not null.</summary>
internal sealed record NullMatcher : LeafMatcher
{
    public override bool Matches(JsonNode? value) => value is null;
}

/// <summary><c>prefix</c>, optionally with <c>equals-ignore-case</c>.</summary>
internal sealed record PrefixMatcher(string Prefix, bool IgnoreCase) : LeafMatcher
{
    public override bool Matches(JsonNode? value) =>
        AsString(value)?.StartsWith(Prefix, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == true;
}

/// <summary><c>suffix</c>, optionally with <c>equals-ignore-case</c>.</summary>
internal sealed record SuffixMatcher(string Suffix, bool IgnoreCase) : LeafMatcher
{
    public override bool Matches(JsonNode? value) =>
        AsString(value)?.EndsWith(Suffix, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == true;
}

/// <summary><c>equals-ignore-case</c>.</summary>
internal sealed record EqualsIgnoreCaseMatcher(string Value) : LeafMatcher
{
    public override bool Matches(JsonNode? value) =>
        string.Equals(AsString(value), Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>wildcard</c>: <c>*</c> matches any run of characters.</summary>
internal sealed record WildcardMatcher(WildcardPattern Pattern) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => AsString(value) is { } s && Pattern.Matches(s);
}

/// <summary><c>exists</c>: true matches any leaf value, false matches only a missing field.</summary>
internal sealed record ExistsMatcher(bool Exists) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => Exists;
}

/// <summary><c>numeric</c>: "=" or a range with optional lower and upper bounds.</summary>
internal sealed record NumericMatcher(double? Lower, bool LowerInclusive, double? Upper, bool UpperInclusive) : LeafMatcher
{
    public override bool Matches(JsonNode? value)
    {
        if (AsNumber(value) is not { } n)
            return false;
        if (Lower is { } lo && (LowerInclusive ? n < lo : n <= lo))
            return false;
        return Upper is not { } hi || (UpperInclusive ? n <= hi : n < hi);
    }
}

/// <summary><c>cidr</c>: an IPv4 or IPv6 address inside the block.</summary>
internal sealed record CidrMatcher(CidrBlock Block) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => AsString(value) is { } s && Block.Contains(s);
}

/// <summary><c>anything-but</c>: any present value that none of the inner matchers accepts.</summary>
internal sealed record AnythingButMatcher(IReadOnlyList<LeafMatcher> Excluded) : LeafMatcher
{
    public override bool Matches(JsonNode? value) => !Excluded.Any(m => m.Matches(value));
}
