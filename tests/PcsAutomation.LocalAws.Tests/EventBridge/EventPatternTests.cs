using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

// Patterns and events follow the EventBridge User Guide pages "Creating event patterns",
// "Content filtering in event patterns" and "Matching events on null values and empty strings".
public class EventPatternTests
{
    private const string Ec2Event = """
        {
          "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
          "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2",
          "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
          "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
          "detail": { "instance-id": "i-1234567890abcdef0", "state": "terminated" }
        }
        """;

    private static bool Match(string pattern, string evt) =>
        EventPattern.Parse(pattern).Matches(System.Text.Json.Nodes.JsonNode.Parse(evt));

    [Fact]
    public void Exact_SourceDetailTypeAndNestedState_Matches()
    {
        const string pattern = """{"source":["aws.ec2"],"detail-type":["EC2 Instance State-change Notification"],"detail":{"state":["terminated"]}}""";
        Assert.True(Match(pattern, Ec2Event));
        Assert.False(Match(pattern, Ec2Event.Replace("terminated", "running", StringComparison.Ordinal)));
    }

    [Fact]
    public void Exact_IsCaseSensitive_DoesNotMatchOtherCase() =>
        Assert.False(Match("""{"detail":{"state":["Terminated"]}}""", Ec2Event));

    [Fact]
    public void Exact_ArrayOfAlternatives_MatchesAny()
    {
        Assert.True(Match("""{"detail":{"state":["pending","terminated"]}}""", Ec2Event));
        Assert.False(Match("""{"detail":{"state":["pending","running"]}}""", Ec2Event));
    }

    [Fact]
    public void Exact_FieldMissingFromEvent_DoesNotMatch() =>
        Assert.False(Match("""{"detail":{"size":["large"]}}""", Ec2Event));

    [Fact]
    public void Exact_ArrayValuedEventField_MatchesWhenAnyElementMatches()
    {
        Assert.True(Match("""{"resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0","arn:aws:ec2:us-east-1:1:instance/i-2"]}""", Ec2Event));
        Assert.False(Match("""{"resources":["arn:aws:ec2:us-east-1:1:instance/i-2"]}""", Ec2Event));
    }

    [Fact]
    public void Exact_NumbersBooleansAndNull_MatchByTypeAndValue()
    {
        const string evt = """{"detail":{"count":300.0,"enabled":true,"responseElements":null,"eventVersion":""}}""";
        Assert.True(Match("""{"detail":{"count":[300]}}""", evt));
        Assert.False(Match("""{"detail":{"count":["300"]}}""", evt));
        Assert.True(Match("""{"detail":{"enabled":[true]}}""", evt));
        Assert.False(Match("""{"detail":{"enabled":["true"]}}""", evt));
        Assert.True(Match("""{"detail":{"responseElements":[null]}}""", evt));
        Assert.True(Match("""{"detail":{"eventVersion":[""]}}""", evt));
        // Null values and empty strings are not interchangeable.
        Assert.False(Match("""{"detail":{"eventVersion":[null]}}""", evt));
        Assert.False(Match("""{"detail":{"responseElements":[""]}}""", evt));
    }

    [Fact]
    public void Exact_ArrayOfObjectsInEvent_NestedPatternMatchesOneElement()
    {
        const string evt = """{"detail":{"items":[{"name":"a","size":1},{"name":"b","size":2}]}}""";
        Assert.True(Match("""{"detail":{"items":{"name":["b"],"size":[2]}}}""", evt));
        Assert.False(Match("""{"detail":{"items":{"name":["a"],"size":[2]}}}""", evt));
    }

    [Fact]
    public void Prefix_TimeStartsWithDate_Matches()
    {
        Assert.True(Match("""{"time":[{"prefix":"2017-12-22"}]}""", Ec2Event));
        Assert.False(Match("""{"time":[{"prefix":"2017-10-02"}]}""", Ec2Event));
    }

    [Fact]
    public void PrefixEqualsIgnoreCase_ServiceStartsWithEventB_MatchesAnyCase()
    {
        const string pattern = """{"detail":{"service":[{"prefix":{"equals-ignore-case":"EventB"}}]}}""";
        Assert.True(Match(pattern, """{"detail":{"service":"eventbridge"}}"""));
        Assert.True(Match(pattern, """{"detail":{"service":"EVENTBRIDGE"}}"""));
        Assert.False(Match(pattern, """{"detail":{"service":"lambda"}}"""));
    }

    [Fact]
    public void Suffix_FileNameEndsWithPng_Matches()
    {
        Assert.True(Match("""{"FileName":[{"suffix":".png"}]}""", """{"FileName":"image.png"}"""));
        Assert.False(Match("""{"FileName":[{"suffix":".png"}]}""", """{"FileName":"image.PNG"}"""));
    }

    [Fact]
    public void SuffixEqualsIgnoreCase_FileNameEndsWithPngAnyCase_Matches()
    {
        const string pattern = """{"detail":{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}}""";
        Assert.True(Match(pattern, """{"detail":{"FileName":"image.PNG"}}"""));
        Assert.False(Match(pattern, """{"detail":{"FileName":"image.jpg"}}"""));
    }

    [Fact]
    public void AnythingBut_StringAndNumber_MatchesEverythingElse()
    {
        Assert.True(Match("""{"detail":{"state":[{"anything-but":"initializing"}]}}""", """{"detail":{"state":"running"}}"""));
        Assert.False(Match("""{"detail":{"state":[{"anything-but":"initializing"}]}}""", """{"detail":{"state":"initializing"}}"""));
        Assert.True(Match("""{"detail":{"x-limit":[{"anything-but":123}]}}""", """{"detail":{"x-limit":456}}"""));
        Assert.False(Match("""{"detail":{"x-limit":[{"anything-but":123}]}}""", """{"detail":{"x-limit":123}}"""));
        // anything-but needs the field to be there.
        Assert.False(Match("""{"detail":{"state":[{"anything-but":"initializing"}]}}""", """{"detail":{}}"""));
    }

    [Fact]
    public void AnythingBut_List_ExcludesEveryListedValue()
    {
        const string pattern = """{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}""";
        Assert.False(Match(pattern, """{"detail":{"state":"stopped"}}"""));
        Assert.False(Match(pattern, """{"detail":{"state":"overloaded"}}"""));
        Assert.True(Match(pattern, """{"detail":{"state":"running"}}"""));
        Assert.True(Match("""{"detail":{"x-limit":[{"anything-but":[100,200,300]}]}}""", """{"detail":{"x-limit":150}}"""));
    }

    [Fact]
    public void AnythingButPrefix_RegionNotInUs_Matches()
    {
        const string pattern = """{"Region":[{"anything-but":{"prefix":"us-"}}]}""";
        Assert.True(Match(pattern, """{"Region":"eu-west-1"}"""));
        Assert.False(Match(pattern, """{"Region":"us-east-1"}"""));
    }

    [Fact]
    public void AnythingButSuffix_FileNameNotPng_Matches()
    {
        const string pattern = """{"FileName":[{"anything-but":{"suffix":".png"}}]}""";
        Assert.True(Match(pattern, """{"FileName":"a.txt"}"""));
        Assert.False(Match(pattern, """{"FileName":"a.png"}"""));
    }

    [Fact]
    public void AnythingButEqualsIgnoreCase_StringAndList_ExcludesAnyCasing()
    {
        Assert.False(Match("""{"state":[{"anything-but":{"equals-ignore-case":"initializing"}}]}""", """{"state":"INITIALIZING"}"""));
        Assert.True(Match("""{"state":[{"anything-but":{"equals-ignore-case":"initializing"}}]}""", """{"state":"running"}"""));
        const string list = """{"state":[{"anything-but":{"equals-ignore-case":["pending","stopped"]}}]}""";
        Assert.False(Match(list, """{"state":"Stopped"}"""));
        Assert.True(Match(list, """{"state":"running"}"""));
    }

    [Fact]
    public void AnythingButWildcard_FilePathWithoutLib_Matches()
    {
        const string pattern = """{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}""";
        Assert.True(Match(pattern, """{"FilePath":"/usr/bin/bash"}"""));
        Assert.False(Match(pattern, """{"FilePath":"/usr/lib/libc.so"}"""));
        const string list = """{"FilePath":[{"anything-but":{"wildcard":["*/lib/*","*/bin/*"]}}]}""";
        Assert.False(Match(list, """{"FilePath":"/usr/bin/bash"}"""));
    }

    [Fact]
    public void Numeric_RangeAndEquals_CompareNumerically()
    {
        const string evt = """{"detail":{"c-count":5,"d-count":3,"x-limit":301.8}}""";
        Assert.True(Match("""{"detail":{"c-count":[{"numeric":[">",0,"<=",5]}],"d-count":[{"numeric":["<",10]}],"x-limit":[{"numeric":["=",3.018e2]}]}}""", evt));
        Assert.False(Match("""{"detail":{"c-count":[{"numeric":[">",5]}]}}""", evt));
        Assert.True(Match("""{"detail":{"c-count":[{"numeric":[">=",5]}]}}""", evt));
        Assert.False(Match("""{"detail":{"d-count":[{"numeric":[">",3,"<",4]}]}}""", evt));
        // A string that looks like a number is not a number.
        Assert.False(Match("""{"detail":{"c-count":[{"numeric":[">",0]}]}}""", """{"detail":{"c-count":"5"}}"""));
    }

    [Fact]
    public void ExistsTrue_FieldPresent_Matches()
    {
        Assert.True(Match("""{"detail":{"state":[{"exists":true}]}}""", Ec2Event));
        Assert.False(Match("""{"detail":{"size":[{"exists":true}]}}""", Ec2Event));
    }

    [Fact]
    public void ExistsFalse_FieldMissing_Matches()
    {
        Assert.True(Match("""{"detail":{"c-count":[{"exists":false}]}}""", Ec2Event));
        Assert.False(Match("""{"detail":{"state":[{"exists":false}]}}""", Ec2Event));
        // Exists only applies to leaves: an intermediate object does not count as a present value.
        Assert.False(Match("""{"detail":[{"exists":true}]}""", Ec2Event));
        Assert.True(Match("""{"other":{"state":[{"exists":false}]}}""", Ec2Event));
    }

    [Fact]
    public void Wildcard_StarsMatchAnyRun()
    {
        const string pattern = """{"EventBusArn":[{"wildcard":"arn:aws:events:us-east-1:*:event-bus/*"}]}""";
        Assert.True(Match(pattern, """{"EventBusArn":"arn:aws:events:us-east-1:123456789012:event-bus/default"}"""));
        Assert.False(Match(pattern, """{"EventBusArn":"arn:aws:events:us-west-2:123456789012:event-bus/default"}"""));
        Assert.True(Match("""{"Key":[{"wildcard":"*Title*"}]}""", """{"Key":"My Title here"}"""));
        Assert.True(Match("""{"Key":[{"wildcard":"dir/*.png"}]}""", """{"Key":"dir/.png"}"""));
        Assert.False(Match("""{"Key":[{"wildcard":"dir/*.png"}]}""", """{"Key":"dir/a.jpg"}"""));
    }

    [Fact]
    public void Wildcard_EscapedStarAndBackslash_MatchLiterally()
    {
        Assert.True(Match("""{"Key":[{"wildcard":"a\\*b"}]}""", """{"Key":"a*b"}"""));
        Assert.False(Match("""{"Key":[{"wildcard":"a\\*b"}]}""", """{"Key":"axyb"}"""));
        Assert.True(Match("""{"Key":[{"wildcard":"c:\\\\*"}]}""", """{"Key":"c:\\temp"}"""));
    }

    [Fact]
    public void EqualsIgnoreCase_NameAlice_MatchesAnyCasing()
    {
        Assert.True(Match("""{"Name":[{"equals-ignore-case":"alice"}]}""", """{"Name":"ALICE"}"""));
        Assert.False(Match("""{"Name":[{"equals-ignore-case":"alice"}]}""", """{"Name":"alicia"}"""));
    }

    [Fact]
    public void Cidr_Ipv4Block_MatchesAddressesInside()
    {
        const string pattern = """{"detail":{"source-ip":[{"cidr":"10.0.0.0/24"}]}}""";
        Assert.True(Match(pattern, """{"detail":{"source-ip":"10.0.0.255"}}"""));
        Assert.False(Match(pattern, """{"detail":{"source-ip":"10.0.1.0"}}"""));
        Assert.False(Match(pattern, """{"detail":{"source-ip":"not-an-ip"}}"""));
    }

    [Fact]
    public void Cidr_Ipv6Block_MatchesAddressesInside()
    {
        const string pattern = """{"sourceIPAddress":[{"cidr":"2001:db8::/64"}]}""";
        Assert.True(Match(pattern, """{"sourceIPAddress":"2001:db8::ff00:42:8329"}"""));
        Assert.False(Match(pattern, """{"sourceIPAddress":"2001:db9::1"}"""));
        Assert.False(Match(pattern, """{"sourceIPAddress":"10.0.0.1"}"""));
    }

    [Fact]
    public void Or_TopLevelAndNested_NeedsOneBranch()
    {
        const string pattern = """
            {"detail":{"$or":[{"c-count":[{"numeric":[">",0,"<=",5]}]},{"d-count":[{"numeric":["<",10]}]},{"x-limit":[{"numeric":["=",3.018e2]}]}]}}
            """;
        Assert.True(Match(pattern, """{"detail":{"c-count":99,"d-count":3}}"""));
        Assert.False(Match(pattern, """{"detail":{"c-count":99,"d-count":30}}"""));
        const string nested = """
            {"source":["aws.ec2"],"$or":[{"detail-type":["A"]},{"$or":[{"detail":{"state":["terminated"]}},{"region":["eu-west-1"]}]}]}
            """;
        Assert.True(Match(nested, Ec2Event));
        Assert.False(Match(nested, Ec2Event.Replace("terminated", "running", StringComparison.Ordinal)));
    }

    [Fact]
    public void Matches_NonObjectEvent_IsFalse() =>
        Assert.False(EventPattern.Parse("""{"a":["b"]}""").Matches(System.Text.Json.Nodes.JsonNode.Parse("[1]")));

    [Fact]
    public void Matches_JsonElementOverload_SameAsNode()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Ec2Event);
        Assert.True(EventPattern.Parse("""{"source":["aws.ec2"]}""").Matches(doc.RootElement));
    }

    [Theory]
    [InlineData("not json", "Filter is not valid JSON")]
    [InlineData("[1]", "Filter is not an object")]
    [InlineData("{}", "Empty objects are not allowed")]
    [InlineData("""{"source":[]}""", "Empty arrays are not allowed")]
    [InlineData("""{"source":"aws.ec2"}""", "must be an object or an array")]
    [InlineData("""{"source":[{"prefx":"a"}]}""", "Unrecognized match type prefx")]
    [InlineData("""{"source":[{"prefix":1}]}""", "prefix match pattern must be a string")]
    [InlineData("""{"source":[{"prefix":"a","suffix":"b"}]}""", "Only one key allowed")]
    [InlineData("""{"n":[{"numeric":[">",5,"<",1]}]}""", "bottom must be less than top")]
    [InlineData("""{"n":[{"numeric":["!",5]}]}""", "Unrecognized numeric range operator")]
    [InlineData("""{"n":[{"numeric":[">",5,">",6]}]}""", "Bad numeric range")]
    [InlineData("""{"n":[{"numeric":5}]}""", "Value of numeric must be an array")]
    [InlineData("""{"n":[{"exists":"yes"}]}""", "exists match pattern must be either true or false")]
    [InlineData("""{"n":[{"wildcard":"a**b"}]}""", "Consecutive wildcard characters")]
    [InlineData("""{"n":[{"wildcard":"a\\b"}]}""", "Invalid escape character")]
    [InlineData("""{"n":[{"cidr":"10.0.0.0/33"}]}""", "Malformed CIDR")]
    [InlineData("""{"n":[{"cidr":"10.0/8"}]}""", "Nonstandard IP address")]
    [InlineData("""{"n":[{"anything-but":["a",1]}]}""", "all strings or all numbers")]
    [InlineData("""{"n":[{"anything-but":true}]}""", "Value of anything-but must be")]
    [InlineData("""{"n":[{"anything-but":{"numeric":[">",1]}}]}""", "Unsupported anything-but pattern")]
    [InlineData("""{"$or":[{"a":["b"]}]}""", "at least 2")]
    [InlineData("""{"n":[[1]]}""", "Match value must be")]
    public void Parse_InvalidPattern_ThrowsInvalidEventPatternException(string pattern, string reason)
    {
        var error = Assert.Throws<AwsServiceException>(() => EventPattern.Parse(pattern));
        Assert.Equal("InvalidEventPatternException", error.Code);
        Assert.StartsWith("Event pattern is not valid. Reason: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
