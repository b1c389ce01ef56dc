namespace PcsAutomation.States.Tests.Support;

public static partial class ConformanceCases
{
    private static string Pass(string fields) => Harness.PassMachine(fields);

    /// <summary>InputPath, Parameters, ResultSelector, ResultPath, OutputPath (spec "Input and Output Processing").</summary>
    public static IEnumerable<ConformanceCase> DataFlow =>
    [
        new("Pass_NoFields_OutputIsInput", Pass("\"Comment\":\"c\""), """{"a":1}""", Output: """{"a":1}"""),
        new("Pass_Result_ReplacesInput", Pass("\"Result\":{\"x\":1}"), """{"a":1}""", Output: """{"x":1}"""),
        // spec: InputPath "$.numbers", ResultPath "$.sum" keeps the rest of the raw input
        new("ResultPath_Spec_AddsSumToRawInput", Pass("\"InputPath\":\"$.numbers\",\"Result\":7,\"ResultPath\":\"$.sum\""),
            """{"title":"Numbers to add","numbers":{"val1":3,"val2":4}}""",
            Output: """{"title":"Numbers to add","numbers":{"val1":3,"val2":4},"sum":7}"""),
        new("ResultPath_Null_DiscardsResult", Pass("\"Result\":7,\"ResultPath\":null"), """{"a":1}""", Output: """{"a":1}"""),
        new("ResultPath_Nested_CreatesObjects", Pass("\"Result\":7,\"ResultPath\":\"$.x.y.z\""), """{"a":1}""",
            Output: """{"a":1,"x":{"y":{"z":7}}}"""),
        new("ResultPath_OverwritesExistingField", Pass("\"Result\":7,\"ResultPath\":\"$.a\""), """{"a":{"b":1}}""", Output: """{"a":7}"""),
        new("ResultPath_IntoString_ResultPathMatchFailure", Pass("\"Result\":7,\"ResultPath\":\"$.a.b\""), """{"a":"text"}""",
            Error: "States.ResultPathMatchFailure"),
        new("InputPath_Null_GivesEmptyObject", Pass("\"InputPath\":null"), """{"a":1}""", Output: "{}"),
        new("OutputPath_Null_GivesEmptyObject", Pass("\"OutputPath\":null"), """{"a":1}""", Output: "{}"),
        new("OutputPath_SelectsField", Pass("\"OutputPath\":\"$.a\""), """{"a":{"b":2},"c":3}""", Output: """{"b":2}"""),
        new("InputPath_Missing_StatesRuntime", Pass("\"InputPath\":\"$.missing\""), """{"a":1}""", Error: "States.Runtime"),
        new("OutputPath_Missing_StatesRuntime", Pass("\"OutputPath\":\"$.missing\""), """{"a":1}""", Error: "States.Runtime"),
        // spec Parameters example: static values, paths, a slice
        new("Parameters_Spec_PathsAndSlices", Pass("""
            "Parameters":{"flagged":true,"parts":{"first.$":"$.vals[0]","last3.$":"$.vals[-3:]"}}
            """), """{"flagged":7,"vals":[0,10,20,30,40,50]}""",
            Output: """{"flagged":true,"parts":{"first":0,"last3":[30,40,50]}}"""),
        new("Parameters_MissingPath_ParameterPathFailure", Pass("\"Parameters\":{\"x.$\":\"$.nope\"}"), "{}",
            Error: "States.ParameterPathFailure"),
        new("Parameters_WildcardPath_SelectsList", Pass("\"Parameters\":{\"ids.$\":\"$.items[*].id\"}"),
            """{"items":[{"id":1},{"id":2}]}""", Output: """{"ids":[1,2]}"""),
        new("Parameters_FilterPath_SelectsMatching", Pass("\"Parameters\":{\"big.$\":\"$.items[?(@.n > 1)].n\"}"),
            """{"items":[{"n":1},{"n":2},{"n":3}]}""", Output: """{"big":[2,3]}"""),
        new("Parameters_ThenResultPath_AppliesToRawInput", Pass("\"Parameters\":{\"v.$\":\"$.a\"},\"ResultPath\":\"$.p\""),
            """{"a":1}""", Output: """{"a":1,"p":{"v":1}}"""),
        new("Parameters_InputPathFirst", Pass("\"InputPath\":\"$.inner\",\"Parameters\":{\"v.$\":\"$.a\"}"),
            """{"inner":{"a":5}}""", Output: """{"v":5}"""),
        new("Context_ExecutionNameAndState", Pass("\"Parameters\":{\"n.$\":\"$$.Execution.Name\",\"s.$\":\"$$.State.Name\",\"i.$\":\"$$.Execution.Input.a\",\"r.$\":\"$$.State.RetryCount\"}"),
            """{"a":1}""", Output: """{"n":"exec","s":"P","i":1,"r":0}"""),
        new("Context_StateMachineId", Pass("\"Parameters\":{\"id.$\":\"$$.StateMachine.Id\"}"), "{}",
            Output: """{"id":"arn:aws:states:us-east-1:123456789012:stateMachine:Test"}"""),
    ];
}
