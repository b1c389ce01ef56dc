using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;

namespace PcsAutomation.States.Tests.Definition;

/// <summary>A malformed definition is refused on load with a problem naming the state and the field.</summary>
public class DefinitionValidationTests
{
    [Theory]
    [InlineData("""{"States":{"A":{"Type":"Succeed"}}}""", "(root)", "StartAt")]
    [InlineData("""{"StartAt":"B","States":{"A":{"Type":"Succeed"}}}""", "(root)", "StartAt")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}""", "(root).States.A", "Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", "(root).States.A", "Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Next":"A"}}}""", "(root).States.A", "End")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}""", "(root).States.B", "(state)")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Sleep","End":true}}}""", "(root).States.A", "Type")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Resource":"x"}}}""", "(root).States.A", "Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","End":true}}}""", "(root).States.A", "Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"InputPath":"nope"}}}""", "(root).States.A", "InputPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"ResultPath":"$.a[*]"}}}""", "(root).States.A", "ResultPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Parameters":{"x.$":"States.Nope()"}}}}""", "(root).States.A", "Parameters")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Parameters":{"x.$":"States.Format('a'"}}}}""", "(root).States.A", "Parameters")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}""", "(root).States.A", "Seconds")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Timestamp":"2026-01-01T00:00:00Z","End":true}}}""", "(root).States.A", "Seconds")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Timestamp":"yesterday","End":true}}}""", "(root).States.A", "Timestamp")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}}""", "(root).States.A", "ErrorPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[]}}}""", "(root).States.A", "Choices")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":"1","Next":"A"}]}}}""", "(root).States.A.Choices[0]", "NumericEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","Unknown":1,"Next":"A"}]}}}""", "(root).States.A.Choices[0]", "Unknown")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.a","IsNull":true,"Next":"A"},"Next":"A"}]}}}""", "(root).States.A.Choices[0].Not", "Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["E"]}]}}}""", "(root).States.A.Retry[0]", "ErrorEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["States.ALL","E"]}]}}}""", "(root).States.A.Retry[0]", "ErrorEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["E"],"JitterStrategy":"HALF"}]}}}""", "(root).States.A.Retry[0]", "JitterStrategy")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["E"],"BackoffRate":0.5}]}}}""", "(root).States.A.Retry[0]", "BackoffRate")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Catch":[{"ErrorEquals":["E"],"Next":"Z"}]}}}""", "(root).States.A", "Catch[0].Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"TimeoutSeconds":10,"HeartbeatSeconds":10}}}""", "(root).States.A", "HeartbeatSeconds")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Y"}}}]}}}""", "(root).States.A.Branches[0].States.X", "Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true}}}""", "(root).States.A", "ItemProcessor")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Succeed"}}}""", "(root)", "QueryLanguage")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Assign":{"x":1}}}}""", "(root).States.A", "Assign")]
    public void Parse_Malformed_NamesStateAndField(string definition, string location, string field)
    {
        var error = Assert.Throws<DefinitionException>(() => StateMachineDefinition.Parse(definition));
        Assert.Contains(error.Problems, p => p.Location == location && p.Field == field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ClearError()
    {
        var error = Assert.Throws<DefinitionException>(() => StateMachineDefinition.Parse("{ nope"));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAll()
    {
        var error = Assert.Throws<DefinitionException>(() => StateMachineDefinition.Parse(
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Wait","End":true}}}"""));
        Assert.True(error.Problems.Count >= 3, error.Message);
    }

    [Fact]
    public void Parse_ValidComplexDefinition_Loads()
    {
        var definition = StateMachineDefinition.Parse("""
            {"Comment":"c","TimeoutSeconds":60,"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"]},{"ErrorEquals":["States.ALL"]}],
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"M"},
              "M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"S"}],"Default":"F"},
              "S":{"Type":"Succeed"},"F":{"Type":"Fail"}}}
            """);
        Assert.Equal(5, definition.States.Count);
        Assert.Equal(60, definition.TimeoutSeconds);
    }
}
