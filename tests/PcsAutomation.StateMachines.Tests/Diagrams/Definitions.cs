namespace PcsAutomation.StateMachines.Tests.Diagrams;

/// <summary>Small definitions that have what the diagrams draw: a loop, a choice, a catch, a retry, a Map and a Parallel.</summary>
internal static class Definitions
{
    public const string Polling = """
        {
          "StartAt": "Start",
          "States": {
            "Start": { "Type": "Task", "Resource": "x", "Retry": [ { "ErrorEquals": ["Transient"], "MaxAttempts": 5 } ],
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ], "Next": "IsDone" },
            "IsDone": { "Type": "Choice", "Choices": [
                          { "Variable": "$.check.done", "BooleanEquals": true, "Next": "Done" },
                          { "Variable": "$.check.attempt", "NumericGreaterThanEquals": 20, "Next": "Failed" } ],
                        "Default": "Wait" },
            "Wait": { "Type": "Wait", "Seconds": 30, "Next": "Start" },
            "Done": { "Type": "Succeed" },
            "Failed": { "Type": "Fail", "Error": "Timeout" }
          }
        }
        """;

    public const string Nested = """
        {
          "StartAt": "EachGroup",
          "States": {
            "EachGroup": { "Type": "Map", "ItemProcessor": { "StartAt": "Update", "States": {
                             "Update": { "Type": "Task", "Resource": "x", "Next": "Check" },
                             "Check": { "Type": "Task", "Resource": "x", "End": true } } },
                           "Next": "Notify" },
            "Notify": { "Type": "Parallel", "Branches": [
                          { "StartAt": "Publish", "States": { "Publish": { "Type": "Task", "Resource": "x", "End": true } } },
                          { "StartAt": "PutEvent", "States": { "PutEvent": { "Type": "Task", "Resource": "x", "End": true } } } ],
                        "End": true }
          }
        }
        """;
}
