namespace PcsAutomation.States.Tests.Support;

public static partial class ConformanceCases
{
    private static string Fn(string expression) => Pass("\"Parameters\":{\"r.$\":\"" + expression.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}");

    private const string Nine = """{"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5,"index":5}""";

    /// <summary>Every intrinsic function, with the AWS developer guide's own examples.</summary>
    public static IEnumerable<ConformanceCase> Intrinsics =>
    [
        new("Format_Guide_Example", Fn("States.Format('Hello, my name is {}.', $.name)"), """{"name":"Arnav"}""",
            Output: """{"r":"Hello, my name is Arnav."}"""),
        new("Format_EscapedBracesAndQuote", Fn("States.Format('\\\\{literal\\\\} it\\\\'s {}', $.n)"), """{"n":3}""",
            Output: """{"r":"{literal} it's 3"}"""),
        new("Format_TooFewArguments_IntrinsicFailure", Fn("States.Format('{} {}', $.n)"), """{"n":3}""", Error: "States.IntrinsicFailure"),
        new("StringToJson_Guide_Example", Fn("States.StringToJson($.escapedJsonString)"), """{"escapedJsonString":"{\"foo\": \"bar\"}"}""",
            Output: """{"r":{"foo":"bar"}}"""),
        new("JsonToString_Guide_Example", Fn("States.JsonToString($.unescapedJson)"), """{"unescapedJson":{"foo":"bar"}}""",
            Output: """{"r":"{\"foo\":\"bar\"}"}"""),
        new("Array_Guide_Example", Fn("States.Array($.Id)"), """{"Id":123456}""", Output: """{"r":[123456]}"""),
        new("Array_MixedLiterals", Fn("States.Array('a', 1, true, null)"), "{}", Output: """{"r":["a",1,true,null]}"""),
        new("ArrayPartition_Guide_Example", Fn("States.ArrayPartition($.inputArray, 4)"), Nine, Output: """{"r":[[1,2,3,4],[5,6,7,8],[9]]}"""),
        new("ArrayContains_Guide_Example", Fn("States.ArrayContains($.inputArray, $.lookingFor)"), Nine, Output: """{"r":true}"""),
        new("ArrayRange_Guide_Example", Fn("States.ArrayRange(1, 9, 2)"), "{}", Output: """{"r":[1,3,5,7,9]}"""),
        new("ArrayRange_TooLong_IntrinsicFailure", Fn("States.ArrayRange(1, 2000, 1)"), "{}", Error: "States.IntrinsicFailure"),
        new("ArrayGetItem_Guide_Example", Fn("States.ArrayGetItem($.inputArray, $.index)"), Nine, Output: """{"r":6}"""),
        new("ArrayGetItem_OutOfRange_IntrinsicFailure", Fn("States.ArrayGetItem($.inputArray, 20)"), Nine, Error: "States.IntrinsicFailure"),
        new("ArrayLength_Guide_Example", Fn("States.ArrayLength($.inputArray)"), Nine, Output: """{"r":9}"""),
        new("ArrayUnique_Guide_Example", Fn("States.ArrayUnique($.a)"), """{"a":[1,2,3,3,3,3,3,3,4]}""", Output: """{"r":[1,2,3,4]}"""),
        new("Base64Encode_Guide_Example", Fn("States.Base64Encode($.input)"), """{"input":"Data to encode"}""",
            Output: """{"r":"RGF0YSB0byBlbmNvZGU="}"""),
        new("Base64Decode_Guide_Example", Fn("States.Base64Decode($.base64)"), """{"base64":"RGF0YSB0byBlbmNvZGU="}""",
            Output: """{"r":"Data to encode"}"""),
        new("Hash_Guide_Sha1", Fn("States.Hash($.Data, $.Algorithm)"), """{"Data":"input data","Algorithm":"SHA-1"}""",
            Output: """{"r":"aaff4a450a104cd177d28d18d74485e8cae074b7"}"""),
        new("Hash_Md5", Fn("States.Hash('input data', 'MD5')"), "{}", Output: """{"r":"812f45842bc6d66ee14572ce20db8e86"}"""),
        new("Hash_Sha256", Fn("States.Hash('input data', 'SHA-256')"), "{}",
            Output: """{"r":"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"}"""),
        new("Hash_Sha384", Fn("States.Hash('input data', 'SHA-384')"), "{}",
            Output: """{"r":"d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562"}"""),
        new("Hash_Sha512", Fn("States.Hash('input data', 'SHA-512')"), "{}",
            Output: """{"r":"6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"}"""),
        new("Hash_UnknownAlgorithm_IntrinsicFailure", Fn("States.Hash('x', 'SHA-3')"), "{}", Error: "States.IntrinsicFailure"),
        new("JsonMerge_Guide_Example", Fn("States.JsonMerge($.json1, $.json2, false)"),
            """{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}""",
            Output: """{"r":{"a":{"a3":1,"a4":2},"b":2,"c":3}}"""),
        new("JsonMerge_DeepTrue_IntrinsicFailure", Fn("States.JsonMerge($.a, $.a, true)"), """{"a":{}}""", Error: "States.IntrinsicFailure"),
        new("MathAdd_Guide_Example", Fn("States.MathAdd($.value1, $.step)"), """{"value1":111,"step":-1}""", Output: """{"r":110}"""),
        new("MathAdd_NotInteger_IntrinsicFailure", Fn("States.MathAdd($.v, 1)"), """{"v":"x"}""", Error: "States.IntrinsicFailure"),
        new("StringSplit_Guide_Example", Fn("States.StringSplit($.inputString, $.splitter)"), """{"inputString":"1,2,3,4,5","splitter":","}""",
            Output: """{"r":["1","2","3","4","5"]}"""),
        new("StringSplit_Guide_ManyDelimiters", Fn("States.StringSplit($.inputString, $.splitter)"),
            """{"inputString":"This.is+a,test=string","splitter":".+,="}""", Output: """{"r":["This","is","a","test","string"]}"""),
        new("Nested_Guide_ArnParts", Fn("States.Format('{}.{}', States.ArrayGetItem(States.StringSplit($.Arn, '/'), 1), States.ArrayLength(States.StringSplit($.Arn, '/')))"),
            """{"Arn":"arn:aws:imagebuilder:us-east-1:123:image-recipe/my-recipe/1.0.0"}""", Output: """{"r":"my-recipe.3"}"""),
        new("Intrinsic_MissingPath_IntrinsicFailure", Fn("States.Array($.missing)"), "{}", Error: "States.IntrinsicFailure"),
    ];
}
