namespace PcsAutomation.States.Tests.Support;

public static partial class ConformanceCases
{
    /// <summary>A Choice with one rule going to "Yes", default "No"; the output names the branch taken.</summary>
    private static string Choose(string rule) =>
        """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{""" + rule
        + ""","Next":"Yes"}],"Default":"No"},"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""";

    private static ConformanceCase Rule(string name, string rule, string input, bool matches) =>
        new("Choice_" + name, Choose(rule), input, Output: matches ? "\"yes\"" : "\"no\"");

    private const string Values = """{"s":"abc","n":10,"b":true,"t":"2026-01-01T00:00:00Z","z":null,"other":"abd","m":10.0,"t2":"2026-01-01T01:00:00+01:00"}""";

    /// <summary>Every comparison operator, its Path variant, And/Or/Not, Is* tests and StringMatches.</summary>
    public static IEnumerable<ConformanceCase> Choice =>
    [
        Rule("StringEquals", """ "Variable":"$.s","StringEquals":"abc" """, Values, true),
        Rule("StringEqualsPath", """ "Variable":"$.s","StringEqualsPath":"$.other" """, Values, false),
        Rule("StringLessThan", """ "Variable":"$.s","StringLessThan":"abd" """, Values, true),
        Rule("StringLessThanPath", """ "Variable":"$.s","StringLessThanPath":"$.other" """, Values, true),
        Rule("StringGreaterThan", """ "Variable":"$.s","StringGreaterThan":"abd" """, Values, false),
        Rule("StringGreaterThanPath", """ "Variable":"$.other","StringGreaterThanPath":"$.s" """, Values, true),
        Rule("StringLessThanEquals", """ "Variable":"$.s","StringLessThanEquals":"abc" """, Values, true),
        Rule("StringLessThanEqualsPath", """ "Variable":"$.s","StringLessThanEqualsPath":"$.s" """, Values, true),
        Rule("StringGreaterThanEquals", """ "Variable":"$.s","StringGreaterThanEquals":"abc" """, Values, true),
        Rule("StringGreaterThanEqualsPath", """ "Variable":"$.s","StringGreaterThanEqualsPath":"$.other" """, Values, false),
        Rule("StringMatches_Star", """ "Variable":"$.f","StringMatches":"log-*.txt" """, """{"f":"log-2026-01.txt"}""", true),
        Rule("StringMatches_NoMatch", """ "Variable":"$.f","StringMatches":"log-*.txt" """, """{"f":"log-2026.csv"}""", false),
        Rule("StringMatches_EscapedStar", """ "Variable":"$.f","StringMatches":"a\\*b" """, """{"f":"a*b"}""", true),
        Rule("StringMatches_EscapedStarIsLiteral", """ "Variable":"$.f","StringMatches":"a\\*b" """, """{"f":"axxb"}""", false),
        Rule("NumericEquals", """ "Variable":"$.n","NumericEquals":10 """, Values, true),
        Rule("NumericEquals_IntegerVsDecimal", """ "Variable":"$.m","NumericEquals":10 """, Values, true),
        Rule("NumericEqualsPath", """ "Variable":"$.n","NumericEqualsPath":"$.m" """, Values, true),
        Rule("NumericLessThan", """ "Variable":"$.n","NumericLessThan":10 """, Values, false),
        Rule("NumericLessThanPath", """ "Variable":"$.n","NumericLessThanPath":"$.m" """, Values, false),
        Rule("NumericGreaterThan", """ "Variable":"$.n","NumericGreaterThan":9.5 """, Values, true),
        Rule("NumericGreaterThanPath", """ "Variable":"$.n","NumericGreaterThanPath":"$.m" """, Values, false),
        Rule("NumericLessThanEquals", """ "Variable":"$.n","NumericLessThanEquals":10 """, Values, true),
        Rule("NumericLessThanEqualsPath", """ "Variable":"$.n","NumericLessThanEqualsPath":"$.m" """, Values, true),
        Rule("NumericGreaterThanEquals", """ "Variable":"$.n","NumericGreaterThanEquals":11 """, Values, false),
        Rule("NumericGreaterThanEqualsPath", """ "Variable":"$.n","NumericGreaterThanEqualsPath":"$.m" """, Values, true),
        Rule("Numeric_OnString_NoMatch", """ "Variable":"$.s","NumericEquals":10 """, Values, false),
        Rule("BooleanEquals", """ "Variable":"$.b","BooleanEquals":true """, Values, true),
        Rule("BooleanEqualsPath", """ "Variable":"$.b","BooleanEqualsPath":"$.b" """, Values, true),
        Rule("TimestampEquals", """ "Variable":"$.t","TimestampEquals":"2026-01-01T00:00:00Z" """, Values, true),
        Rule("TimestampEqualsPath_OtherOffset", """ "Variable":"$.t","TimestampEqualsPath":"$.t2" """, Values, true),
        Rule("TimestampLessThan", """ "Variable":"$.t","TimestampLessThan":"2026-01-01T00:00:01Z" """, Values, true),
        Rule("TimestampLessThanPath", """ "Variable":"$.t","TimestampLessThanPath":"$.t2" """, Values, false),
        Rule("TimestampGreaterThan", """ "Variable":"$.t","TimestampGreaterThan":"2025-12-31T23:59:59Z" """, Values, true),
        Rule("TimestampGreaterThanPath", """ "Variable":"$.t","TimestampGreaterThanPath":"$.t2" """, Values, false),
        Rule("TimestampLessThanEquals", """ "Variable":"$.t","TimestampLessThanEquals":"2026-01-01T00:00:00Z" """, Values, true),
        Rule("TimestampLessThanEqualsPath", """ "Variable":"$.t","TimestampLessThanEqualsPath":"$.t2" """, Values, true),
        Rule("TimestampGreaterThanEquals", """ "Variable":"$.t","TimestampGreaterThanEquals":"2026-01-02T00:00:00Z" """, Values, false),
        Rule("TimestampGreaterThanEqualsPath", """ "Variable":"$.t","TimestampGreaterThanEqualsPath":"$.t2" """, Values, true),
        Rule("IsNull", """ "Variable":"$.z","IsNull":true """, Values, true),
        Rule("IsNull_False", """ "Variable":"$.s","IsNull":true """, Values, false),
        Rule("IsPresent_Missing", """ "Variable":"$.nope","IsPresent":false """, Values, true),
        Rule("IsPresent_Present", """ "Variable":"$.z","IsPresent":true """, Values, true),
        Rule("IsNumeric", """ "Variable":"$.n","IsNumeric":true """, Values, true),
        Rule("IsString", """ "Variable":"$.n","IsString":true """, Values, false),
        Rule("IsBoolean", """ "Variable":"$.b","IsBoolean":true """, Values, true),
        Rule("IsTimestamp", """ "Variable":"$.t","IsTimestamp":true """, Values, true),
        Rule("IsTimestamp_PlainString", """ "Variable":"$.s","IsTimestamp":false """, Values, true),
        Rule("And", """ "And":[{"Variable":"$.n","NumericGreaterThanEquals":10},{"Variable":"$.s","StringEquals":"abc"}]""", Values, true),
        Rule("Or", """ "Or":[{"Variable":"$.n","NumericLessThan":0},{"Variable":"$.b","BooleanEquals":false}]""", Values, false),
        Rule("Not", """ "Not":{"Variable":"$.s","StringEquals":"Private"}""", Values, true),
        Rule("Nested_AndOrNot", """ "And":[{"Not":{"Variable":"$.s","IsNull":true}},{"Or":[{"Variable":"$.n","NumericEquals":1},{"Variable":"$.n","NumericEquals":10}]}]""", Values, true),
        // spec example: value in the twenties, guarded by IsPresent and IsNumeric
        Rule("Spec_ValueInTwenties", """ "And":[{"Variable":"$.value","IsPresent":true},{"Variable":"$.value","IsNumeric":true},{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}]""",
            """{"value":25}""", true),
        new("Choice_NoMatchNoDefault_NoChoiceMatched", """
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Y"}]},
              "Y":{"Type":"Succeed"}}}
            """, """{"n":2}""", Error: "States.NoChoiceMatched"),
        new("Choice_MissingVariable_StatesRuntime", Choose(""" "Variable":"$.nope","StringEquals":"x" """), "{}", Error: "States.Runtime"),
        new("Choice_OutputPathAndInputPath_Applied", """
            {"StartAt":"C","States":{"C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.v","Choices":[{"Variable":"$.v","NumericEquals":1,"Next":"Y"}]},
              "Y":{"Type":"Succeed"}}}
            """, """{"in":{"v":1}}""", Output: "1"),
    ];
}
