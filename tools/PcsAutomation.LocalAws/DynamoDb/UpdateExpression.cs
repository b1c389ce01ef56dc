using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A value on the right of <c>SET path = ...</c>.</summary>
internal abstract record UpdateValue
{
    /// <summary>Evaluated against the item as it was before the update, as DynamoDB does.</summary>
    public abstract JsonObject Evaluate(JsonObject item);

    protected static AwsServiceException WrongType() =>
        AttributeValues.Invalid("An operand in the update expression has an incorrect data type");
}

internal sealed record OperandValue(Operand Operand) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item) =>
        Operand.Evaluate(item)?.DeepClone().AsObject()
        ?? throw AttributeValues.Invalid("The provided expression refers to an attribute that does not exist in the item");
}

internal sealed record Arithmetic(UpdateValue Left, string Operator, UpdateValue Right) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item)
    {
        var (left, right) = (AttributeValues.NumberOf(Left.Evaluate(item)), AttributeValues.NumberOf(Right.Evaluate(item)));
        if (left is null || right is null)
            throw WrongType();
        return AttributeValues.Number(Operator == "+" ? left.Value + right.Value : left.Value - right.Value);
    }
}

internal sealed record IfNotExists(DocumentPath Path, UpdateValue Fallback) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item) => Path.Get(item)?.DeepClone().AsObject() ?? Fallback.Evaluate(item);
}

internal sealed record ListAppend(UpdateValue First, UpdateValue Second) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item)
    {
        var (first, second) = (First.Evaluate(item), Second.Evaluate(item));
        if (AttributeValues.TypeOf(first) != "L" || AttributeValues.TypeOf(second) != "L")
            throw WrongType();
        var items = AttributeValues.Inner(first).AsArray().Concat(AttributeValues.Inner(second).AsArray()).Select(i => i?.DeepClone());
        return new JsonObject { ["L"] = new JsonArray(items.ToArray()) };
    }
}

/// <summary>One action of an update expression.</summary>
internal sealed record UpdateAction(string Clause, DocumentPath Path, UpdateValue? Value);

/// <summary>A parsed <c>UpdateExpression</c> (SET, REMOVE, ADD, DELETE clauses, each at most once).</summary>
internal sealed record UpdateExpression(IReadOnlyList<UpdateAction> Actions)
{
    public static UpdateExpression Parse(string expression, ExpressionContext context) =>
        new UpdateParser(expression, context).ParseAll();

    /// <summary>The top-level attributes the update touches (for UPDATED_OLD / UPDATED_NEW).</summary>
    public IEnumerable<string> TouchedAttributes => Actions.Select(a => a.Path.TopName).Distinct(StringComparer.Ordinal);

    /// <summary>Applies every action to <paramref name="item"/> (modified in place); values are computed from the old item first.</summary>
    public void Apply(JsonObject item)
    {
        var before = item.DeepClone().AsObject();
        var computed = Actions.Select(a => a.Value?.Evaluate(before)).ToList();
        for (var i = 0; i < Actions.Count; i++)
        {
            var (clause, path, _) = Actions[i];
            switch (clause)
            {
                case "SET":
                    path.Set(item, computed[i]!);
                    break;
                case "REMOVE":
                    path.Remove(item);
                    break;
                case "ADD":
                    Add(item, path, computed[i]!);
                    break;
                default:
                    Delete(item, path, computed[i]!);
                    break;
            }
        }
    }

    // ADD: a number is added (absent counts as 0); a set gets the new elements.
    private static void Add(JsonObject item, DocumentPath path, JsonObject value)
    {
        var type = AttributeValues.TypeOf(value);
        if (type is not ("N" or "SS" or "NS" or "BS"))
            throw AttributeValues.Invalid($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: {TypeWord(type)}");
        var existing = path.Get(item);
        if (existing is null)
        {
            path.Set(item, value);
            return;
        }
        if (AttributeValues.TypeOf(existing) != type)
            throw AttributeValues.Invalid("An operand in the update expression has an incorrect data type");
        path.Set(item, type == "N"
            ? AttributeValues.Number(AttributeValues.NumberOf(existing)!.Value + AttributeValues.NumberOf(value)!.Value)
            : SetOf(type, AttributeValues.SetItems(existing).Concat(AttributeValues.SetItems(value).Where(v => !ContainsNumberAware(type, existing, v)))));
    }

    // DELETE: removes elements from a set; an emptied set disappears.
    private static void Delete(JsonObject item, DocumentPath path, JsonObject value)
    {
        var type = AttributeValues.TypeOf(value);
        if (type is not ("SS" or "NS" or "BS"))
            throw AttributeValues.Invalid($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: {TypeWord(type)}");
        if (path.Get(item) is not { } existing)
            return;
        if (AttributeValues.TypeOf(existing) != type)
            throw AttributeValues.Invalid("An operand in the update expression has an incorrect data type");
        var remaining = AttributeValues.SetItems(existing).Where(e => !ContainsNumberAware(type, value, e)).ToList();
        if (remaining.Count == 0)
            path.Remove(item);
        else
            path.Set(item, SetOf(type, remaining));
    }

    private static bool ContainsNumberAware(string setType, JsonObject set, string element) =>
        AttributeValues.SetItems(set).Any(e => AttributeValues.AreEqual(new JsonObject { [setType[..1]] = e }, new JsonObject { [setType[..1]] = element }));

    private static JsonObject SetOf(string type, IEnumerable<string> items) =>
        new() { [type] = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };

    private static string TypeWord(string type) => type switch
    {
        "S" => "STRING",
        "B" => "BINARY",
        "BOOL" => "BOOLEAN",
        "NULL" => "NULL",
        "M" => "MAP",
        "L" => "LIST",
        _ => type,
    };
}

internal sealed class UpdateParser(string expression, ExpressionContext context) : ExpressionParser(expression, "UpdateExpression", context)
{
    private static readonly string[] Clauses = ["SET", "REMOVE", "ADD", "DELETE"];

    public UpdateExpression ParseAll()
    {
        var actions = new List<UpdateAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var clause = Current.Kind == TokenKind.Identifier ? Clauses.FirstOrDefault(c => IsKeyword(c)) : null;
            if (clause is null)
                throw SyntaxError();
            if (!seen.Add(clause))
                throw Invalid($"The \"{clause}\" section can only be used once in an update expression;");
            Next();
            actions.Add(ParseAction(clause));
            while (IsSymbol(","))
            {
                Next();
                actions.Add(ParseAction(clause));
            }
        }
        while (Current.Kind != TokenKind.End);
        for (var i = 0; i < actions.Count; i++)
        {
            for (var j = i + 1; j < actions.Count; j++)
            {
                if (actions[i].Path.Overlaps(actions[j].Path))
                    throw Invalid($"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{actions[i].Path}], path two: [{actions[j].Path}]");
            }
        }
        return new UpdateExpression(actions);
    }

    private UpdateAction ParseAction(string clause)
    {
        var path = ParsePath();
        switch (clause)
        {
            case "SET":
                Expect("=");
                return new UpdateAction(clause, path, ParseValue());
            case "REMOVE":
                return new UpdateAction(clause, path, null);
            default:
                if (Current.Kind != TokenKind.ValuePlaceholder)
                    throw SyntaxError();
                return new UpdateAction(clause, path, new OperandValue(ParseOperand()));
        }
    }

    private UpdateValue ParseValue()
    {
        var value = ParseTerm();
        while (IsSymbol("+") || IsSymbol("-"))
            value = new Arithmetic(value, Next().Text, ParseTerm());
        return value;
    }

    private UpdateValue ParseTerm()
    {
        if (IsFunction("if_not_exists"))
        {
            Next();
            Expect("(");
            var path = ParseFunctionPath("if_not_exists");
            Expect(",");
            var fallback = ParseValue();
            Expect(")");
            return new IfNotExists(path, fallback);
        }
        if (IsFunction("list_append"))
        {
            Next();
            Expect("(");
            var first = ParseValue();
            Expect(",");
            var second = ParseValue();
            Expect(")");
            return new ListAppend(first, second);
        }
        if (Current.Kind == TokenKind.Identifier && Peek().Text == "(")
            throw Invalid($"Invalid function name; function: {Current.Text}");
        return new OperandValue(ParseOperand());
    }
}
