using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

/// <summary>The comparison operators of Choice rules and the operand type each expects.</summary>
internal static class ChoiceOperators
{
    public enum OperandKind
    {
        String,
        Number,
        Boolean,
        Timestamp,
    }

    private static readonly Dictionary<string, OperandKind> Operators = new(StringComparer.Ordinal)
    {
        ["StringEquals"] = OperandKind.String,
        ["StringLessThan"] = OperandKind.String,
        ["StringGreaterThan"] = OperandKind.String,
        ["StringLessThanEquals"] = OperandKind.String,
        ["StringGreaterThanEquals"] = OperandKind.String,
        ["StringMatches"] = OperandKind.String,
        ["NumericEquals"] = OperandKind.Number,
        ["NumericLessThan"] = OperandKind.Number,
        ["NumericGreaterThan"] = OperandKind.Number,
        ["NumericLessThanEquals"] = OperandKind.Number,
        ["NumericGreaterThanEquals"] = OperandKind.Number,
        ["BooleanEquals"] = OperandKind.Boolean,
        ["TimestampEquals"] = OperandKind.Timestamp,
        ["TimestampLessThan"] = OperandKind.Timestamp,
        ["TimestampGreaterThan"] = OperandKind.Timestamp,
        ["TimestampLessThanEquals"] = OperandKind.Timestamp,
        ["TimestampGreaterThanEquals"] = OperandKind.Timestamp,
        ["IsNull"] = OperandKind.Boolean,
        ["IsPresent"] = OperandKind.Boolean,
        ["IsNumeric"] = OperandKind.Boolean,
        ["IsString"] = OperandKind.Boolean,
        ["IsBoolean"] = OperandKind.Boolean,
        ["IsTimestamp"] = OperandKind.Boolean,
    };

    /// <summary>Every operator name, with the <c>...Path</c> variants (all but StringMatches and the Is* tests).</summary>
    public static IEnumerable<string> AllNames =>
        Operators.Keys.Concat(Operators.Keys.Where(HasPathVariant).Select(k => k + "Path"));

    public static bool HasPathVariant(string op) => op != "StringMatches" && !op.StartsWith("Is", StringComparison.Ordinal);

    public static bool TryGetKind(string op, out OperandKind kind) => Operators.TryGetValue(op, out kind);

    public static bool Apply(string op, JsonNode? value, JsonNode? operand) => op switch
    {
        "IsNull" => (value is null) == Flag(operand),
        "IsPresent" => Flag(operand),
        "IsNumeric" => JsonValues.IsNumber(value) == Flag(operand),
        "IsString" => JsonValues.IsString(value) == Flag(operand),
        "IsBoolean" => JsonValues.IsBoolean(value) == Flag(operand),
        "IsTimestamp" => IsTimestamp(value) == Flag(operand),
        "BooleanEquals" => JsonValues.IsBoolean(value) && JsonValues.IsBoolean(operand)
            && value!.GetValue<bool>() == operand!.GetValue<bool>(),
        "StringMatches" => JsonValues.TryGetString(value, out var s) && JsonValues.TryGetString(operand, out var p)
            && StringPattern.Matches(s, p),
        _ when op.StartsWith("String", StringComparison.Ordinal) => Compare(op["String".Length..], StringOrder(value, operand)),
        _ when op.StartsWith("Numeric", StringComparison.Ordinal) => Compare(op["Numeric".Length..], NumberOrder(value, operand)),
        _ when op.StartsWith("Timestamp", StringComparison.Ordinal) => Compare(op["Timestamp".Length..], TimeOrder(value, operand)),
        _ => false,
    };

    private static bool Flag(JsonNode? operand) => operand!.GetValue<bool>();

    private static bool IsTimestamp(JsonNode? value) => JsonValues.TryGetString(value, out var s) && Timestamps.TryParse(s, out _);

    private static int? StringOrder(JsonNode? a, JsonNode? b) =>
        JsonValues.TryGetString(a, out var x) && JsonValues.TryGetString(b, out var y) ? string.CompareOrdinal(x, y) : null;

    private static int? NumberOrder(JsonNode? a, JsonNode? b) =>
        JsonValues.TryGetNumber(a, out var x) && JsonValues.TryGetNumber(b, out var y) ? x.CompareTo(y) : null;

    private static int? TimeOrder(JsonNode? a, JsonNode? b) =>
        JsonValues.TryGetString(a, out var x) && JsonValues.TryGetString(b, out var y)
        && Timestamps.TryParse(x, out var tx) && Timestamps.TryParse(y, out var ty)
            ? tx.CompareTo(ty)
            : null;

    private static bool Compare(string relation, int? order) => order is { } o && relation switch
    {
        "Equals" => o == 0,
        "LessThan" => o < 0,
        "GreaterThan" => o > 0,
        "LessThanEquals" => o <= 0,
        "GreaterThanEquals" => o >= 0,
        _ => false,
    };
}
