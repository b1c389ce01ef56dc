using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines;

/// <summary>
/// A shared piece of definition, <c>statemachines/fragments/&lt;Name&gt;.json</c>: a few states (or one retrier) written
/// once, with <c>{{parameter}}</c> placeholders for what differs per use.
/// </summary>
/// <param name="Name">The file name without <c>.json</c>: what a reference's <c>"$fragment"</c> names.</param>
/// <param name="Comment">What the fragment does and what it reads from the state (its data contract).</param>
/// <param name="Parameters">The placeholders it declares, by name.</param>
/// <param name="Body">The JSON it stands for, placeholders unsubstituted.</param>
/// <param name="Origin">The file, relative to the repository root, for messages.</param>
public sealed record Fragment(
    string Name,
    string Comment,
    IReadOnlyDictionary<string, FragmentParameter> Parameters,
    JsonNode Body,
    string Origin)
{
    /// <summary>The parameter a reference written as an object member receives: the member's key.</summary>
    public const string NameParameter = "name";
}

/// <summary>One placeholder a fragment declares.</summary>
/// <param name="Name">Written <c>{{Name}}</c> in the fragment, given as <c>"Name": value</c> by a reference.</param>
/// <param name="Comment">What the value means, shown when a reference leaves out a required parameter.</param>
/// <param name="Default">The value when a reference leaves it out (meaningful only with <paramref name="HasDefault"/>).</param>
/// <param name="HasDefault">False: every reference must give it (a JSON null default is still a default).</param>
/// <param name="DefaultOf">
/// Set when the default is another parameter, written <c>"Default": "{{event}}"</c>: a reference that leaves this one
/// out gives it the value it gives (or defaults) that parameter. <see cref="Default"/> is null then.
/// </param>
public sealed record FragmentParameter(string Name, string Comment, JsonNode? Default, bool HasDefault, string? DefaultOf = null);
