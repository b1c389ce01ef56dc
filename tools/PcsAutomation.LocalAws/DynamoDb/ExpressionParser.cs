using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>An operand of a condition or update: a document path, a <c>:value</c>, or <c>size(path)</c>.</summary>
internal abstract record Operand
{
    /// <summary>The operand's value for an item, or null when the path is absent.</summary>
    public abstract JsonObject? Evaluate(JsonObject item);
}

internal sealed record PathOperand(DocumentPath Path) : Operand
{
    public override JsonObject? Evaluate(JsonObject item) => Path.Get(item);
}

internal sealed record ValueOperand(JsonObject Value) : Operand
{
    public override JsonObject? Evaluate(JsonObject item) => Value;
}

/// <summary><c>size(path)</c>: string or binary length, number of elements of a set, list or map.</summary>
internal sealed record SizeOperand(DocumentPath Path) : Operand
{
    public override JsonObject? Evaluate(JsonObject item)
    {
        if (Path.Get(item) is not { } value)
            return null;
        var inner = AttributeValues.Inner(value);
        return AttributeValues.TypeOf(value) switch
        {
            "S" => AttributeValues.Number(inner.GetValue<string>().Length),
            "B" => AttributeValues.Number(Convert.FromBase64String(inner.GetValue<string>()).Length),
            "SS" or "NS" or "BS" or "L" => AttributeValues.Number(inner.AsArray().Count),
            "M" => AttributeValues.Number(inner.AsObject().Count),
            _ => null,
        };
    }
}

/// <summary>The token cursor and the grammar shared by condition, update and projection expressions.</summary>
internal abstract class ExpressionParser
{
    private readonly List<Token> tokens;
    private int index;

    protected ExpressionParser(string expression, string label, ExpressionContext context)
    {
        Expression = expression;
        Label = label;
        Context = context;
        tokens = ExpressionTokenizer.Tokenize(expression, label);
    }

    protected string Expression { get; }

    protected string Label { get; }

    protected ExpressionContext Context { get; }

    protected Token Current => tokens[index];

    protected Token Peek(int ahead = 1) => tokens[Math.Min(index + ahead, tokens.Count - 1)];

    protected Token Next()
    {
        var token = tokens[index];
        if (index < tokens.Count - 1)
            index++;
        return token;
    }

    protected bool IsSymbol(string symbol) => Current.Kind == TokenKind.Symbol && Current.Text == symbol;

    protected bool IsKeyword(string keyword) =>
        Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    protected bool IsFunction(string name) =>
        Current.Kind == TokenKind.Identifier && Current.Text == name && Peek().Text == "(";

    protected void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
            throw SyntaxError();
        Next();
    }

    protected void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
            throw SyntaxError();
    }

    protected AwsServiceException SyntaxError() =>
        ExpressionTokenizer.SyntaxError(Label, Current.Text, Expression, Current.Position);

    protected AwsServiceException Invalid(string reason) => AttributeValues.Invalid($"Invalid {Label}: {reason}");

    /// <summary>path := (name | #name) ('.' (name | #name) | '[' digits ']')*</summary>
    protected DocumentPath ParsePath()
    {
        var elements = new List<object> { ParseName() };
        while (true)
        {
            if (IsSymbol("."))
            {
                Next();
                elements.Add(ParseName());
            }
            else if (IsSymbol("["))
            {
                Next();
                if (Current.Kind != TokenKind.Number || !int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                    throw SyntaxError();
                Next();
                Expect("]");
                elements.Add(position);
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    /// <summary>operand := :value | size(path) | path</summary>
    protected Operand ParseOperand()
    {
        if (Current.Kind == TokenKind.ValuePlaceholder)
            return new ValueOperand(Context.Value(Next().Text, Label));
        if (IsFunction("size"))
        {
            Next();
            Expect("(");
            var path = ParseFunctionPath("size");
            Expect(")");
            return new SizeOperand(path);
        }
        return new PathOperand(ParsePath());
    }

    protected DocumentPath ParseFunctionPath(string function)
    {
        if (Current.Kind is not (TokenKind.Identifier or TokenKind.NamePlaceholder))
            throw Invalid($"Operator or function requires a document path; operator or function: {function}");
        return ParsePath();
    }

    private string ParseName() => Current.Kind switch
    {
        TokenKind.Identifier => Next().Text,
        TokenKind.NamePlaceholder => Context.Name(Next().Text, Label),
        _ => throw SyntaxError(),
    };
}
