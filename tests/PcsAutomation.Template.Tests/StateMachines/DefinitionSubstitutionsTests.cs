namespace PcsAutomation.Template.Tests.StateMachines;

public class DefinitionSubstitutionsTests
{
    [Fact]
    public void Used_RepeatedPlaceholders_ListedOnceInOrder()
    {
        const string definition = """{"A":"${FunctionArn}","B":"${TableName}","C":"arn:${FunctionArn}:x"}""";

        Assert.Equal(["FunctionArn", "TableName"], DefinitionSubstitutions.Used(definition));
    }

    [Fact]
    public void Used_JsonPathContextAndIntrinsics_AreNotPlaceholders()
    {
        const string definition = """{"Id.$":"$$.Execution.Id","M.$":"States.Format('{} in {}', $.a, $.b)","P.$":"$.x"}""";

        Assert.Empty(DefinitionSubstitutions.Used(definition));
    }

    [Fact]
    public void Undefined_NameMissingFromSubstitutions_IsReported()
    {
        const string definition = """{"A":"${FunctionArn}","B":"${TopicArn}"}""";

        Assert.Equal(["TopicArn"], DefinitionSubstitutions.Undefined(definition, new HashSet<string>(["FunctionArn"])));
    }
}
