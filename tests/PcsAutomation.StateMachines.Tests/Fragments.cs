using System.Text.Json.Nodes;
using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

/// <summary>Small fragments written inline, the way a fragment file reads.</summary>
internal static class Fragments
{
    public static Fragment Of(string name, string json) => FragmentFile.Parse(name, json, $"fragments/{name}.json");

    public static FragmentLibrary Library(params Fragment[] fragments) => new(fragments);

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;

    /// <summary>A retrier, as lambda-retry is.</summary>
    public static Fragment Retry { get; } = Of("retry", """
        { "Comment": "a retrier", "Parameters": {}, "Fragment": { "ErrorEquals": ["Transient"], "MaxAttempts": 3 } }
        """);

    /// <summary>Two states with a name, a next state, a default and a nested reference, as the workflow fragments are.</summary>
    public static Fragment Poll { get; } = Of("poll", """
        {
          "Comment": "check, wait, check",
          "Parameters": {
            "name": { "Comment": "the check state" },
            "next": { "Comment": "after it" },
            "max": { "Comment": "the bound", "Default": 20 }
          },
          "Fragment": {
            "{{name}}": { "Type": "Task", "Resource": "x", "Retry": [ { "$fragment": "retry" } ], "Next": "Is{{name}}Done" },
            "Is{{name}}Done": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericGreaterThanEquals": "{{max}}", "Next": "{{next}}" } ], "Default": "{{name}}" }
          }
        }
        """);
}
