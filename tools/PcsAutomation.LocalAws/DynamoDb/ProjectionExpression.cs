using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A <c>ProjectionExpression</c>: the paths to return; nested paths keep their enclosing maps and lists.</summary>
internal sealed class ProjectionExpression(IReadOnlyList<DocumentPath> paths)
{
    public static ProjectionExpression Parse(string expression, ExpressionContext context) =>
        new ProjectionParser(expression, context).ParseAll();

    public JsonObject Apply(JsonObject item)
    {
        var result = new JsonObject();
        foreach (var path in paths)
        {
            if (path.Get(item) is not { } value)
                continue;
            var shaped = value.DeepClone().AsObject();
            // Wrap the value in its parents from the innermost outwards, then merge into the result.
            for (var i = path.Elements.Count - 1; i > 0; i--)
                shaped = path.Elements[i] is string name ? new JsonObject { ["M"] = new JsonObject { [name] = shaped } } : new JsonObject { ["L"] = new JsonArray(shaped) };
            Merge(result, path.TopName, shaped);
        }
        return result;
    }

    private static void Merge(JsonObject into, string name, JsonObject value)
    {
        if (into[name] is not JsonObject existing || AttributeValues.TypeOf(existing) != AttributeValues.TypeOf(value))
        {
            into[name] = value;
            return;
        }
        var type = AttributeValues.TypeOf(value);
        if (type == "M")
        {
            foreach (var (key, child) in AttributeValues.Inner(value).AsObject().ToList())
                Merge(AttributeValues.Inner(existing).AsObject(), key, child!.DeepClone().AsObject());
        }
        else if (type == "L")
        {
            foreach (var child in AttributeValues.Inner(value).AsArray())
                AttributeValues.Inner(existing).AsArray().Add(child!.DeepClone());
        }
    }

    private sealed class ProjectionParser(string expression, ExpressionContext context) : ExpressionParser(expression, "ProjectionExpression", context)
    {
        public ProjectionExpression ParseAll()
        {
            var result = new List<DocumentPath> { ParsePath() };
            while (IsSymbol(","))
            {
                Next();
                result.Add(ParsePath());
            }
            ExpectEnd();
            return new ProjectionExpression(result);
        }
    }
}
