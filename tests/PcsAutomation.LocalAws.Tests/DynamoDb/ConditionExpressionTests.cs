using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

// Operators and functions from the DynamoDB Developer Guide "Condition and filter expressions, operators, and functions".
public class ConditionExpressionTests
{
    private const string Item = """
        {"pk":{"S":"item"},"price":{"N":"10.50"},"name":{"S":"Widget"},"color":{"S":"red"},"bin":{"B":"AQID"},
         "tags":{"SS":["a","b"]},"sizes":{"NS":["1","2"]},"list":{"L":[{"S":"x"},{"N":"5"}]},"flag":{"BOOL":true},
         "nothing":{"NULL":true},"info":{"M":{"rating":{"N":"4"},"reviews":{"L":[{"S":"good"},{"S":"bad"}]}}}}
        """;

    private readonly DynamoDbTestTable table = new();

    public ConditionExpressionTests() => table.Put(Item);

    // Re-puts the same item under the condition: success means the condition held.
    private bool Holds(string condition, string? values = null, string? names = null)
    {
        var request = JsonNode.Parse($$"""{"TableName":"Leases","Item":{{Item}},"ConditionExpression":""}""")!.AsObject();
        request["ConditionExpression"] = condition;
        if (values is not null)
            request["ExpressionAttributeValues"] = JsonNode.Parse(values);
        if (names is not null)
            request["ExpressionAttributeNames"] = JsonNode.Parse(names);
        try
        {
            table.Service.Invoke("PutItem", request);
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "ConditionalCheckFailedException")
        {
            return false;
        }
    }

    [Theory]
    [InlineData("price = :v", """{":v":{"N":"10.5"}}""", true)]
    [InlineData("price <> :v", """{":v":{"N":"10.5"}}""", false)]
    [InlineData("price < :v", """{":v":{"N":"11"}}""", true)]
    [InlineData("price <= :v", """{":v":{"N":"10.5"}}""", true)]
    [InlineData("price > :v", """{":v":{"N":"10.5"}}""", false)]
    [InlineData("price >= :v", """{":v":{"N":"10.5"}}""", true)]
    [InlineData("name < :v", """{":v":{"S":"Z"}}""", true)]
    [InlineData("name > :v", """{":v":{"S":"a"}}""", false)]
    [InlineData("price = :v", """{":v":{"S":"10.5"}}""", false)]
    [InlineData("price < :v", """{":v":{"S":"11"}}""", false)]
    [InlineData("missing = :v", """{":v":{"N":"1"}}""", false)]
    [InlineData("missing <> :v", """{":v":{"N":"1"}}""", true)]
    [InlineData("missing < :v", """{":v":{"N":"1"}}""", false)]
    [InlineData("tags = :v", """{":v":{"SS":["b","a"]}}""", true)]
    [InlineData("info.rating = :v", """{":v":{"N":"4"}}""", true)]
    [InlineData("info.reviews[1] = :v", """{":v":{"S":"bad"}}""", true)]
    [InlineData("list[5] = :v", """{":v":{"S":"x"}}""", false)]
    [InlineData("bin < :v", """{":v":{"B":"AQIE"}}""", true)]
    public void Comparators_AgainstItem_EvaluateLikeDynamoDb(string condition, string values, bool expected) =>
        Assert.Equal(expected, Holds(condition, values));

    [Theory]
    [InlineData("price BETWEEN :lo AND :hi", """{":lo":{"N":"10"},":hi":{"N":"11"}}""", true)]
    [InlineData("price BETWEEN :lo AND :hi", """{":lo":{"N":"11"},":hi":{"N":"12"}}""", false)]
    [InlineData("color IN (:a, :b)", """{":a":{"S":"blue"},":b":{"S":"red"}}""", true)]
    [InlineData("color IN (:a)", """{":a":{"S":"blue"}}""", false)]
    [InlineData("color = :a OR color = :b AND price > :p", """{":a":{"S":"red"},":b":{"S":"blue"},":p":{"N":"100"}}""", true)]
    [InlineData("(color = :a OR color = :b) AND price > :p", """{":a":{"S":"red"},":b":{"S":"blue"},":p":{"N":"100"}}""", false)]
    [InlineData("NOT color = :b", """{":b":{"S":"blue"}}""", true)]
    [InlineData("not (color = :a and flag = :t)", """{":a":{"S":"red"},":t":{"BOOL":true}}""", false)]
    public void LogicalOperators_PrecedenceAndParentheses(string condition, string values, bool expected) =>
        Assert.Equal(expected, Holds(condition, values));

    [Theory]
    [InlineData("attribute_exists(price)", null, true)]
    [InlineData("attribute_exists(missing)", null, false)]
    [InlineData("attribute_not_exists(missing)", null, true)]
    [InlineData("attribute_exists(info.reviews[0])", null, true)]
    [InlineData("attribute_not_exists(info.rating)", null, false)]
    [InlineData("attribute_type(nothing, :t)", """{":t":{"S":"NULL"}}""", true)]
    [InlineData("attribute_type(price, :t)", """{":t":{"S":"S"}}""", false)]
    [InlineData("begins_with(name, :p)", """{":p":{"S":"Wid"}}""", true)]
    [InlineData("begins_with(name, :p)", """{":p":{"S":"wid"}}""", false)]
    [InlineData("begins_with(bin, :p)", """{":p":{"B":"AQ=="}}""", true)]
    [InlineData("contains(name, :s)", """{":s":{"S":"dge"}}""", true)]
    [InlineData("contains(tags, :s)", """{":s":{"S":"b"}}""", true)]
    [InlineData("contains(sizes, :s)", """{":s":{"N":"2.0"}}""", true)]
    [InlineData("contains(list, :s)", """{":s":{"N":"5"}}""", true)]
    [InlineData("contains(tags, :s)", """{":s":{"S":"z"}}""", false)]
    [InlineData("size(name) = :n", """{":n":{"N":"6"}}""", true)]
    [InlineData("size(tags) > :n", """{":n":{"N":"1"}}""", true)]
    [InlineData("size(info) = :n", """{":n":{"N":"2"}}""", true)]
    [InlineData("size(bin) = :n", """{":n":{"N":"3"}}""", true)]
    [InlineData("size(missing) = :n", """{":n":{"N":"0"}}""", false)]
    public void Functions_AgainstItem_EvaluateLikeDynamoDb(string condition, string? values, bool expected) =>
        Assert.Equal(expected, Holds(condition, values));

    [Fact]
    public void Names_PlaceholdersForReservedOrDottedNames_Resolve() =>
        Assert.True(Holds("#n = :v AND #i.#r = :r", """{":v":{"S":"Widget"},":r":{"N":"4"}}""", """{"#n":"name","#i":"info","#r":"rating"}"""));

    [Theory]
    [InlineData("price = :v", """{":v":{"N":"1"},":unused":{"N":"2"}}""", null, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}")]
    [InlineData("price = :v", """{":v":{"N":"1"}}""", """{"#x":"price"}""", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}")]
    [InlineData("price = :nope", """{":v":{"N":"1"}}""", null, "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope")]
    [InlineData("#p = :v", """{":v":{"N":"1"}}""", null, "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #p")]
    [InlineData("price = = :v", """{":v":{"N":"1"}}""", null, "Invalid ConditionExpression: Syntax error; token: \"=\"")]
    [InlineData("price = :v AND", """{":v":{"N":"1"}}""", null, "Invalid ConditionExpression: Syntax error; token: \"<EOF>\"")]
    [InlineData("(price = :v", """{":v":{"N":"1"}}""", null, "Syntax error")]
    [InlineData("price", null, null, "Syntax error")]
    [InlineData("price = :v $", """{":v":{"N":"1"}}""", null, "Invalid character encountered")]
    [InlineData("frobnicate(price)", null, null, "Invalid function name; function: frobnicate")]
    [InlineData("attribute_exists(:v)", """{":v":{"N":"1"}}""", null, "Operator or function requires a document path")]
    [InlineData("attribute_type(price, :t)", """{":t":{"S":"STRING"}}""", null, "Invalid attribute type name found; type: STRING")]
    [InlineData(" ", null, null, "Invalid ConditionExpression: The expression can not be empty;")]
    [InlineData("price = :v", """{":v":{"N":"abc"}}""", null, "ExpressionAttributeValues contains invalid value")]
    [InlineData("price = :v", """{}""", null, "ExpressionAttributeValues must not be empty")]
    public void BadExpression_ValidationExceptionAndItemUnchanged(string condition, string? values, string? names, string message)
    {
        var error = Assert.Throws<AwsServiceException>(() => Holds(condition, values, names));
        Assert.Equal("ValidationException", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("10.5", table.Get("item")!["price"]!["N"]!.GetValue<string>());
    }
}
