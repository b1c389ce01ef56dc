using System.Text.Json.Nodes;
using PcsAutomation.States.Intrinsics;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

internal sealed partial class DefinitionParser
{
    private string? RequiredString(JsonObject obj, string location, string field)
    {
        if (!obj.ContainsKey(field))
        {
            Problem(location, field, "is required");
            return null;
        }

        return OptionalString(obj, location, field);
    }

    private string? OptionalString(JsonObject obj, string location, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return null;
        if (JsonValues.TryGetString(value, out var text))
            return text;
        Problem(location, field, "must be a string");
        return null;
    }

    private int? PositiveInt(JsonObject obj, string location, string field, int min = 1)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return null;
        if (JsonValues.TryGetInteger(value, out var n) && n >= min && n <= 99_999_999)
            return (int)n;
        Problem(location, field, $"must be an integer between {min} and 99999999");
        return null;
    }

    private double? Number(JsonObject obj, string location, string field, double min, double max)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return null;
        if (JsonValues.TryGetNumber(value, out var n) && (double)n >= min && (double)n <= max)
            return (double)n;
        Problem(location, field, $"must be a number between {min} and {max}");
        return null;
    }

    private bool OptionalBool(JsonObject obj, string location, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return false;
        if (JsonValues.IsBoolean(value))
            return value!.GetValue<bool>();
        Problem(location, field, "must be a boolean");
        return false;
    }

    /// <summary>A path field; <paramref name="reference"/> demands a reference path (members and indexes only).</summary>
    private JsonPath? OptionalPath(JsonObject obj, string location, string field, bool reference = false)
    {
        var text = OptionalString(obj, location, field);
        return text is null ? null : ParsePath(text, location, field, reference);
    }

    private JsonPath? ParsePath(string text, string location, string field, bool reference)
    {
        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            Problem(location, field, error);
            return null;
        }

        if (reference && !path!.IsReference)
            Problem(location, field, $"'{text}' must be a reference path (no wildcards, filters or slices)");
        return path;
    }

    /// <summary>InputPath/OutputPath/ResultPath: a path, or JSON null; absent means "$".</summary>
    private NullablePath NullablePathField(JsonObject obj, string location, string field, bool reference)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return NullablePath.Root;
        if (value is null)
            return new NullablePath(null);
        var path = OptionalPath(obj, location, field, reference);
        return path is null ? NullablePath.Root : new NullablePath(path);
    }

    private PayloadTemplate? Template(JsonObject obj, string location, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var value))
            return null;
        try
        {
            return PayloadTemplate.Compile(value);
        }
        catch (FormatException e)
        {
            Problem(location, field, e.Message);
            return null;
        }
    }

    private List<string> ErrorNames(JsonObject obj, string location, string field)
    {
        if (obj[field] is not JsonArray array || array.Count == 0
            || array.Any(e => !JsonValues.IsString(e)))
        {
            Problem(location, field, "must be a non-empty array of error names");
            return [];
        }

        var names = array.Select(e => e!.GetValue<string>()).ToList();
        if (names.Contains(Errors.StatesErrorNames.All) && names.Count > 1)
            Problem(location, field, "States.ALL must appear alone in its ErrorEquals");
        return names;
    }
}
