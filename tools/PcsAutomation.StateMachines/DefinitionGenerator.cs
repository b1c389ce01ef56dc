using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines;

/// <summary>One definition as generated: where it comes from, where it goes, its text and the fragments it used.</summary>
/// <param name="Source">The source file, relative to the repository root (<c>statemachines/src/x.json</c>).</param>
/// <param name="Output">The definition file, relative to the repository root (<c>statemachines/x.asl.json</c>).</param>
/// <param name="Text">The definition, as written to <paramref name="Output"/>.</param>
/// <param name="Fragments">The fragments it is assembled from, nested ones included, by name.</param>
public sealed record GeneratedDefinition(string Source, string Output, string Text, IReadOnlyList<string> Fragments);

/// <summary>
/// A source (an Amazon States Language definition that may hold fragment references) to the definition Step Functions
/// gets: references expanded, and a top-level Comment that says it is generated, from what, and how to regenerate it,
/// followed by the source's own Comment.
/// </summary>
public static class DefinitionGenerator
{
    /// <summary>How to regenerate every definition, from the repository root.</summary>
    public const string Command = "dotnet run --project tools/PcsAutomation.StateMachines";

    /// <summary>Generates the definition of <paramref name="source"/> (both paths relative to the repository root, with '/').</summary>
    public static GeneratedDefinition Generate(string sourceText, string source, string output, string fragmentsFolder, FragmentLibrary library)
    {
        if (JsonText.Parse(sourceText, source) is not JsonObject root)
            throw new FragmentException($"{source}: a definition source is a JSON object (a state machine definition)");
        if (root["Comment"] is not JsonValue comment || comment.GetValueKind() != JsonValueKind.String)
            throw new FragmentException($"{source}: Comment is missing: say what the workflow does (the generated file keeps it after the generated-from note)");

        var expander = new Expander(library);
        // places read as JSONPath after the file: statemachines/src/x.json $.States.StartRestore
        var expanded = expander.Expand(root, $"{source} $")!.AsObject();
        var leftover = Placeholders.Names(expanded, source);
        if (leftover.Count > 0)
            throw new FragmentException($"{source}: {{{{{leftover.First()}}}}} outside a fragment (placeholders are for fragment files only)");

        var used = expander.Used.ToList();
        var note = $"GENERATED from {source}"
            + (used.Count == 0 ? "" : $" and {fragmentsFolder}/{{{string.Join(",", used)}}}.json")
            + $" by `{Command}`: edit those, not this file.";
        var definition = new JsonObject { ["Comment"] = $"{note} {comment.GetValue<string>()}" };
        foreach (var (key, value) in expanded.ToList())
        {
            if (key == "Comment") continue;
            expanded.Remove(key);
            definition[key] = value;
        }
        return new GeneratedDefinition(source, output, JsonText.Write(definition), used);
    }
}
