namespace PcsAutomation.States.Tests.Differential;

/// <summary>A case where moto and this engine disagree: which side the specification says is wrong, and why.</summary>
public sealed record Divergence(string WrongSide, string Reason);

/// <summary>
/// The recorded disagreements with moto 5.2.1 (LocalStack's interpreter), each decided by the States Language spec
/// (states-language.net) or the AWS developer guide. Besides these, moto returns a top-level string output unquoted
/// (<c>yes</c> instead of <c>"yes"</c>); the comparison reads it back as a string rather than list every Choice case.
/// </summary>
public static class MotoDivergences
{
    private const string IntrinsicFailure =
        "spec: States.IntrinsicFailure is the error when invoking an intrinsic function fails; moto surfaces the Python exception as States.Runtime";

    public static readonly IReadOnlyDictionary<string, Divergence> Known = new Dictionary<string, Divergence>(StringComparer.Ordinal)
    {
        ["ResultPath_IntoString_ResultPathMatchFailure"] = new("moto",
            "spec: States.ResultPathMatchFailure when ResultPath cannot be applied to the input; moto fails with a Python TypeError as States.Runtime"),
        ["Parameters_MissingPath_ParameterPathFailure"] = new("moto",
            "spec: States.ParameterPathFailure when replacing a '.$' field by its path fails; moto (like AWS today, per LocalStack's snapshots) reports States.Runtime"),
        ["Context_ExecutionNameAndState"] = new("moto",
            "AWS guide (context object): $$.State.RetryCount is present (0 on the first attempt); moto's context object lacks it"),
        ["Format_EscapedBracesAndQuote"] = new("moto",
            "AWS guide (intrinsics): \\{ \\} \\' are escapes in States.Format; moto's formatter raises KeyError on them"),
        ["Format_TooFewArguments_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["Array_MixedLiterals"] = new("moto",
            "spec: States.Array returns its arguments in order; null is a valid argument, moto drops it"),
        ["ArrayRange_TooLong_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["ArrayGetItem_OutOfRange_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["Hash_UnknownAlgorithm_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["JsonMerge_DeepTrue_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["MathAdd_NotInteger_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["Intrinsic_MissingPath_IntrinsicFailure"] = new("moto", IntrinsicFailure),
        ["Choice_StringMatches_EscapedStar"] = new("moto",
            "spec (StringMatches): \\* matches a literal star, so 'a\\*b' matches \"a*b\"; moto does not match it"),
        ["Choice_TimestampEqualsPath_OtherOffset"] = new("moto",
            "spec: timestamps are RFC 3339 instants; 00:00Z and 01:00+01:00 are the same instant, moto compares them unequal"),
        ["Choice_TimestampLessThanPath"] = new("moto", "moto cannot parse a '+01:00' offset in the operand path and crashes (States.Runtime); spec allows RFC 3339 offsets"),
        ["Choice_TimestampGreaterThanPath"] = new("moto", "moto cannot parse a '+01:00' offset in the operand path and crashes (States.Runtime); spec allows RFC 3339 offsets"),
        ["Choice_TimestampLessThanEqualsPath"] = new("moto", "moto cannot parse a '+01:00' offset in the operand path and crashes (States.Runtime); spec allows RFC 3339 offsets"),
        ["Choice_TimestampGreaterThanEqualsPath"] = new("moto", "moto cannot parse a '+01:00' offset in the operand path and crashes (States.Runtime); spec allows RFC 3339 offsets"),
        ["Choice_NoMatchNoDefault_NoChoiceMatched"] = new("moto",
            "spec: a Choice with no match and no Default fails with States.NoChoiceMatched; moto reports States.Runtime"),
        ["Choice_MissingVariable_StatesRuntime"] = new("moto",
            "AWS guide (Choice): a Variable path that does not exist fails the execution with States.Runtime (IsPresent exists to avoid it); moto takes the Default"),
        ["Map_ItemsPathNotArray_StatesRuntime"] = new("moto",
            "JSONPath Map: an ItemsPath that is not an array is a States.Runtime error; moto reports the JSONata error States.QueryEvaluationError"),
    };
}
