using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A parsed <c>ConditionExpression</c>; evaluating it against a missing item uses an empty item.</summary>
internal abstract record Condition
{
    public abstract bool Evaluate(JsonObject item);

    /// <summary>Parses a whole condition, resolving placeholders through <paramref name="context"/>.</summary>
    public static Condition Parse(string expression, ExpressionContext context, string label = "ConditionExpression") =>
        new ConditionParser(expression, label, context).ParseAll();
}

internal sealed record Comparison(Operand Left, string Operator, Operand Right) : Condition
{
    // A missing attribute equals nothing: "=" is false and "<>" is true; ordering needs two values of one scalar type.
    public override bool Evaluate(JsonObject item)
    {
        var (left, right) = (Left.Evaluate(item), Right.Evaluate(item));
        if (Operator is "=" or "<>")
            return (left is not null && right is not null && AttributeValues.AreEqual(left, right)) == (Operator == "=");
        if (left is null || right is null || AttributeValues.Compare(left, right) is not { } order)
            return false;
        return Operator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }
}

internal sealed record Between(Operand Value, Operand Low, Operand High) : Condition
{
    public override bool Evaluate(JsonObject item) =>
        new Comparison(Value, ">=", Low).Evaluate(item) && new Comparison(Value, "<=", High).Evaluate(item);
}

internal sealed record In(Operand Value, IReadOnlyList<Operand> Options) : Condition
{
    public override bool Evaluate(JsonObject item) => Options.Any(o => new Comparison(Value, "=", o).Evaluate(item));
}

internal sealed record And(Condition Left, Condition Right) : Condition
{
    public override bool Evaluate(JsonObject item) => Left.Evaluate(item) && Right.Evaluate(item);
}

internal sealed record Or(Condition Left, Condition Right) : Condition
{
    public override bool Evaluate(JsonObject item) => Left.Evaluate(item) || Right.Evaluate(item);
}

internal sealed record Not(Condition Inner) : Condition
{
    public override bool Evaluate(JsonObject item) => !Inner.Evaluate(item);
}

internal sealed record AttributeExists(DocumentPath Path, bool Exists) : Condition
{
    public override bool Evaluate(JsonObject item) => (Path.Get(item) is not null) == Exists;
}

internal sealed record AttributeType(DocumentPath Path, string Type) : Condition
{
    public override bool Evaluate(JsonObject item) => Path.Get(item) is { } v && AttributeValues.TypeOf(v) == Type;
}

internal sealed record BeginsWith(DocumentPath Path, Operand Prefix) : Condition
{
    public override bool Evaluate(JsonObject item)
    {
        if (Path.Get(item) is not { } value || Prefix.Evaluate(item) is not { } prefix || AttributeValues.TypeOf(value) != AttributeValues.TypeOf(prefix))
            return false;
        return AttributeValues.TypeOf(value) switch
        {
            "S" => AttributeValues.StringOf(value, "S")!.StartsWith(AttributeValues.StringOf(prefix, "S")!, StringComparison.Ordinal),
            "B" => Convert.FromBase64String(AttributeValues.StringOf(value, "B")!).AsSpan().StartsWith(Convert.FromBase64String(AttributeValues.StringOf(prefix, "B")!)),
            _ => false,
        };
    }
}

/// <summary><c>contains(path, operand)</c>: a substring of a string, or an element of a set or list.</summary>
internal sealed record Contains(DocumentPath Path, Operand Operand) : Condition
{
    public override bool Evaluate(JsonObject item)
    {
        if (Path.Get(item) is not { } value || Operand.Evaluate(item) is not { } operand)
            return false;
        var (type, operandType) = (AttributeValues.TypeOf(value), AttributeValues.TypeOf(operand));
        return type switch
        {
            "S" when operandType == "S" => AttributeValues.StringOf(value, "S")!.Contains(AttributeValues.StringOf(operand, "S")!, StringComparison.Ordinal),
            "SS" or "NS" or "BS" when operandType == type[..1] =>
                AttributeValues.SetItems(value).Any(e => AttributeValues.AreEqual(new JsonObject { [operandType] = e }, operand)),
            "L" => AttributeValues.Inner(value).AsArray().Any(e => AttributeValues.AreEqual((JsonObject)e!, operand)),
            _ => false,
        };
    }
}

/// <summary>condition := or; or := and (OR and)*; and := not (AND not)*; not := NOT not | primary.</summary>
internal sealed class ConditionParser(string expression, string label, ExpressionContext context) : ExpressionParser(expression, label, context)
{
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];

    public Condition ParseAll()
    {
        var condition = ParseOr();
        ExpectEnd();
        return condition;
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("OR"))
        {
            Next();
            left = new Or(left, ParseAnd());
        }
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (IsKeyword("AND"))
        {
            Next();
            left = new And(left, ParseNot());
        }
        return left;
    }

    private Condition ParseNot()
    {
        if (!IsKeyword("NOT"))
            return ParsePrimary();
        Next();
        return new Not(ParseNot());
    }

    private Condition ParsePrimary()
    {
        if (IsSymbol("("))
        {
            Next();
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        if (Current.Kind == TokenKind.Identifier && Peek().Text == "(" && Current.Text != "size")
            return ParseFunction();
        var left = ParseOperand();
        if (Current.Kind == TokenKind.Symbol && Comparators.Contains(Current.Text))
            return new Comparison(left, Next().Text, ParseOperand());
        if (IsKeyword("BETWEEN"))
        {
            Next();
            var low = ParseOperand();
            if (!IsKeyword("AND"))
                throw SyntaxError();
            Next();
            return new Between(left, low, ParseOperand());
        }
        if (IsKeyword("IN"))
        {
            Next();
            Expect("(");
            var options = new List<Operand> { ParseOperand() };
            while (IsSymbol(","))
            {
                Next();
                options.Add(ParseOperand());
            }
            Expect(")");
            return new In(left, options);
        }
        throw SyntaxError();
    }

    private Condition ParseFunction()
    {
        var name = Next().Text;
        Expect("(");
        Condition result = name switch
        {
            "attribute_exists" => new AttributeExists(ParseFunctionPath(name), true),
            "attribute_not_exists" => new AttributeExists(ParseFunctionPath(name), false),
            "attribute_type" => new AttributeType(ParseFunctionPath(name), TypeArgument()),
            "begins_with" => new BeginsWith(ParseFunctionPath(name), SecondArgument()),
            "contains" => new Contains(ParseFunctionPath(name), SecondArgument()),
            _ => throw Invalid($"Invalid function name; function: {name}"),
        };
        Expect(")");
        return result;
    }

    private Operand SecondArgument()
    {
        Expect(",");
        return ParseOperand();
    }

    private string TypeArgument()
    {
        if (SecondArgument() is not ValueOperand { Value: var value } || AttributeValues.StringOf(value, "S") is not { } type)
            throw Invalid("Incorrect operand type for operator or function; operator or function: attribute_type");
        if (!AttributeValues.TypeNames.Contains(type))
            throw Invalid($"Invalid attribute type name found; type: {type}, valid types: {{ B, NULL, SS, BOOL, L, BS, N, NS, S, M }}");
        return type;
    }
}
