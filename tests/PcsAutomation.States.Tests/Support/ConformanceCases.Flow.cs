namespace PcsAutomation.States.Tests.Support;

public static partial class ConformanceCases
{
    /// <summary>Succeed, Fail, Wait, Parallel, Map, and Retry/Catch driven by Fail states inside Parallel branches.</summary>
    public static IEnumerable<ConformanceCase> Flow =>
    [
        new("Succeed_OutputPath", """{"StartAt":"S","States":{"S":{"Type":"Succeed","OutputPath":"$.a"}}}""", """{"a":[1]}""", Output: "[1]"),
        new("Fail_ErrorAndCause", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"MyError","Cause":"because"}}}""", "{}", Error: "MyError"),
        new("Fail_ErrorPathAndCausePath", """{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}}}""",
            """{"e":"FromInput","c":"why"}""", Error: "FromInput"),
        new("Wait_ZeroSeconds_PassesInput", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":0,"End":true}}}""", """{"a":1}""", Output: """{"a":1}"""),
        new("Wait_PastTimestamp_DoesNotWait", """{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2000-01-01T00:00:00Z","End":true}}}""",
            """{"a":1}""", Output: """{"a":1}"""),
        new("Wait_SecondsPathNotNumber_StatesRuntime", """{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""",
            """{"s":"x"}""", Error: "States.Runtime"),
        new("Parallel_OutputIsArrayOfBranchOutputs", """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.x","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}}
            """, """{"x":1}""", Output: """[1,"b"]"""),
        new("Parallel_ResultSelectorAndResultPath", """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","ResultSelector":{"first.$":"$[0]"},"ResultPath":"$.r","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}}]}}}
            """, """{"x":1}""", Output: """{"x":1,"r":{"first":"a"}}"""),
        new("Parallel_BranchFails_PropagatesError", """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Fail","Error":"BranchError","Cause":"c"}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}
            """, "{}", Error: "BranchError"),
        new("Catch_Spec_ErrorObjectAtResultPath", """
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"bad"}}}],
                   "Catch":[{"ErrorEquals":["Other"],"Next":"Wrong"},{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Fallback"}]},
              "Wrong":{"Type":"Fail","Error":"WrongCatcher"},
              "Fallback":{"Type":"Pass","End":true}}}
            """, """{"a":1}""", Output: """{"a":1,"error":{"Error":"Boom","Cause":"bad"}}"""),
        new("Catch_DefaultResultPath_ReplacesInput", """
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Next":"Done","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"bad"}}}],
                   "Catch":[{"ErrorEquals":["Boom"],"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """, """{"a":1}""", Output: """{"Error":"Boom","Cause":"bad"}"""),
        new("Catch_NoMatch_ExecutionFails", """
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Next":"Done","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}],
                   "Catch":[{"ErrorEquals":["Other"],"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """, "{}", Error: "Boom"),
        new("Retry_ExhaustedThenCatch", """
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Next":"Done","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}],
                   "Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":2,"IntervalSeconds":1,"BackoffRate":1}],
                   "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Next":"Done"}]},
              "Done":{"Type":"Pass","Result":"caught","End":true}}}
            """, "{}", Output: "\"caught\""),
        new("Map_Spec_ItemSelectorWithContext", """
            {"StartAt":"Validate-All","States":{"Validate-All":{"Type":"Map","InputPath":"$.detail","ItemsPath":"$.shipped","MaxConcurrency":0,
              "ItemSelector":{"parcel.$":"$$.Map.Item.Value","courier.$":"$.delivery-partner","index.$":"$$.Map.Item.Index"},
              "ItemProcessor":{"StartAt":"Validate","States":{"Validate":{"Type":"Pass","End":true}}},
              "ResultPath":"$.detail.shipped","End":true}}}
            """, """{"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[{"prod":"R31","dest-code":9511,"quantity":1344},{"prod":"S39","dest-code":9511,"quantity":40}]}}""",
            Output: """{"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[{"parcel":{"prod":"R31","dest-code":9511,"quantity":1344},"courier":"UQS","index":0},{"parcel":{"prod":"S39","dest-code":9511,"quantity":40},"courier":"UQS","index":1}]}}"""),
        new("Map_LegacyIteratorAndParameters", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","Parameters":{"v.$":"$$.Map.Item.Value"},
              "Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","OutputPath":"$.v","End":true}}},"End":true}}}
            """, """{"items":[1,2,3]}""", Output: "[1,2,3]"),
        new("Map_EmptyArray_EmptyResult", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[]", Output: "[]"),
        new("Map_ItemsPathNotArray_StatesRuntime", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.a","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"a":1}""", Error: "States.Runtime"),
        new("Map_IterationFails_PropagatesError", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"OK"},
              "F":{"Type":"Fail","Error":"Two"},"OK":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[1,2,3]", Error: "Two"),
        new("Map_ResultSelector", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ResultSelector":{"count.$":"States.ArrayLength($)"},
              "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[1,2,3]", Output: """{"count":3}"""),
    ];

    public static IEnumerable<ConformanceCase> All => DataFlow.Concat(Intrinsics).Concat(Choice).Concat(Flow);

    public static TheoryData<string> Names(IEnumerable<ConformanceCase> cases) => new(cases.Select(c => c.Name));

    public static ConformanceCase Get(string name) => All.Single(c => c.Name == name);
}
