using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

// UpdateExpression semantics from the DynamoDB Developer Guide "Using update expressions".
public class UpdateItemTests
{
    private readonly DynamoDbTestTable table = new();

    public UpdateItemTests() => table.Put("""
        {"pk":{"S":"k"},"count":{"N":"5"},"name":{"S":"a"},"tags":{"SS":["x","y"]},"list":{"L":[{"N":"1"}]},"m":{"M":{"inner":{"N":"1"}}},"old":{"S":"gone soon"}}
        """);

    private JsonNode Update(string expression, string? values = null, string? names = null, string returnValues = "ALL_NEW", string? condition = null)
    {
        var request = new JsonObject
        {
            ["TableName"] = "Leases",
            ["Key"] = JsonNode.Parse("""{"pk":{"S":"k"}}"""),
            ["UpdateExpression"] = expression,
            ["ReturnValues"] = returnValues,
        };
        if (values is not null)
            request["ExpressionAttributeValues"] = JsonNode.Parse(values);
        if (names is not null)
            request["ExpressionAttributeNames"] = JsonNode.Parse(names);
        if (condition is not null)
            request["ConditionExpression"] = condition;
        return table.Service.Invoke("UpdateItem", request);
    }

    private JsonObject Stored => table.Get("k")!;

    [Fact]
    public void Set_PlusMinusAndNested_ComputedFromOldItem()
    {
        Update("SET #c = #c + :one, total = #c - :one, m.inner = :v, list[0] = :v, list[5] = :v", """{":one":{"N":"1"},":v":{"N":"9"}}""", """{"#c":"count"}""");

        Assert.Equal("6", Stored["count"]!["N"]!.GetValue<string>());
        Assert.Equal("4", Stored["total"]!["N"]!.GetValue<string>());
        Assert.Equal("9", Stored["m"]!["M"]!["inner"]!["N"]!.GetValue<string>());
        Assert.Equal("""[{"N":"9"},{"N":"9"}]""", Stored["list"]!["L"]!.ToJsonString());
    }

    [Fact]
    public void Set_IfNotExistsAndListAppend()
    {
        Update("SET name = if_not_exists(name, :d), fresh = if_not_exists(fresh, :d), list = list_append(list, :more), front = list_append(:more, list)",
            """{":d":{"S":"default"},":more":{"L":[{"N":"2"}]}}""");

        Assert.Equal("a", Stored["name"]!["S"]!.GetValue<string>());
        Assert.Equal("default", Stored["fresh"]!["S"]!.GetValue<string>());
        Assert.Equal("""[{"N":"1"},{"N":"2"}]""", Stored["list"]!["L"]!.ToJsonString());
        Assert.Equal("""[{"N":"2"},{"N":"1"}]""", Stored["front"]!["L"]!.ToJsonString());
    }

    [Fact]
    public void RemoveAddDelete_AllClausesInOneExpression()
    {
        Update("REMOVE old, m.inner ADD #c :two, tags :t, newset :t", """{":two":{"N":"2"},":t":{"SS":["z"]}}""", """{"#c":"count"}""");

        Assert.Null(Stored["old"]);
        Assert.Equal("{}", Stored["m"]!["M"]!.ToJsonString());
        Assert.Equal("7", Stored["count"]!["N"]!.GetValue<string>());
        Assert.Equal(["x", "y", "z"], Stored["tags"]!["SS"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("""["z"]""", Stored["newset"]!["SS"]!.ToJsonString());
    }

    [Fact]
    public void Delete_SomeElements_KeepsTheRest()
    {
        Update("SET name = :n DELETE tags :gone", """{":n":{"S":"b"},":gone":{"SS":["x","nope"]}}""");
        Assert.Equal("""["y"]""", Stored["tags"]!["SS"]!.ToJsonString());
    }

    [Fact]
    public void Delete_LastElements_RemovesTheSet()
    {
        Update("DELETE tags :all", """{":all":{"SS":["x","y"]}}""");
        Assert.Null(Stored["tags"]);
    }

    [Theory]
    [InlineData("NONE", "{}")]
    [InlineData("ALL_OLD", """{"Attributes":{"pk":{"S":"k"},"count":{"N":"5"},"name":{"S":"a"},"tags":{"SS":["x","y"]},"list":{"L":[{"N":"1"}]},"m":{"M":{"inner":{"N":"1"}}},"old":{"S":"gone soon"}}}""")]
    [InlineData("UPDATED_OLD", """{"Attributes":{"count":{"N":"5"},"old":{"S":"gone soon"}}}""")]
    [InlineData("UPDATED_NEW", """{"Attributes":{"count":{"N":"6"},"added":{"S":"v"}}}""")]
    [InlineData("ALL_NEW", """{"Attributes":{"pk":{"S":"k"},"count":{"N":"6"},"name":{"S":"a"},"tags":{"SS":["x","y"]},"list":{"L":[{"N":"1"}]},"m":{"M":{"inner":{"N":"1"}}},"added":{"S":"v"}}}""")]
    public void ReturnValues_EachOption_ReturnsTheRightAttributes(string returnValues, string expected) =>
        Assert.Equal(expected, Update("SET #c = #c + :one, added = :v REMOVE old", """{":one":{"N":"1"},":v":{"S":"v"}}""", """{"#c":"count"}""", returnValues).ToJsonString());

    [Fact]
    public void UpdateItem_MissingItem_CreatesItWithTheKey()
    {
        table.Call("UpdateItem", """{"TableName":"Leases","Key":{"pk":{"S":"new"}},"UpdateExpression":"ADD hits :one","ExpressionAttributeValues":{":one":{"N":"1"}}}""");
        Assert.Equal("""{"pk":{"S":"new"},"hits":{"N":"1"}}""", table.Get("new")!.ToJsonString());
    }

    [Fact]
    public void UpdateItem_ConditionFails_ItemUnchanged()
    {
        var error = Assert.Throws<AwsServiceException>(() => Update("SET #c = :v", """{":v":{"N":"100"},":max":{"N":"3"}}""", """{"#c":"count"}""", condition: "#c < :max"));
        Assert.Equal("ConditionalCheckFailedException", error.Code);
        Assert.Equal("5", Stored["count"]!["N"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SET pk = :v", """{":v":{"S":"x"}}""", "Cannot update attribute pk. This attribute is part of the key")]
    [InlineData("SET a = :v SET b = :v", """{":v":{"S":"x"}}""", "The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET a = :v REMOVE a", """{":v":{"S":"x"}}""", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [InlineData("SET m.inner = :v, m = :v", """{":v":{"S":"x"}}""", "Two document paths overlap")]
    [InlineData("SET name = name + :v", """{":v":{"N":"1"}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET x = nothing", null, "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET x = list_append(list, :v)", """{":v":{"S":"x"}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("ADD name :v", """{":v":{"S":"x"}}""", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [InlineData("ADD tags :v", """{":v":{"NS":["1"]}}""", "An operand in the update expression has an incorrect data type")]
    [InlineData("DELETE tags :v", """{":v":{"S":"x"}}""", "operator: DELETE")]
    [InlineData("SET nope.deeper = :v", """{":v":{"S":"x"}}""", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET a = foo(:v)", """{":v":{"S":"x"}}""", "Invalid function name; function: foo")]
    [InlineData("PUT a = :v", """{":v":{"S":"x"}}""", "Invalid UpdateExpression: Syntax error; token: \"PUT\"")]
    [InlineData("SET a :v", """{":v":{"S":"x"}}""", "Syntax error")]
    [InlineData("ADD a b", null, "Syntax error")]
    [InlineData("SET a = :v", """{":v":{"S":"x"},":w":{"S":"y"}}""", "unused in expressions: keys: {:w}")]
    public void BadUpdate_ValidationExceptionAndItemUnchanged(string expression, string? values, string message)
    {
        var before = Stored.ToJsonString();
        var error = Assert.Throws<AwsServiceException>(() => Update(expression, values));
        Assert.Equal("ValidationException", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Stored.ToJsonString());
    }
}
