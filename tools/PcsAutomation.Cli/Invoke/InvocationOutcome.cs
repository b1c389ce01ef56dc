using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.Cli.Invoke;

/// <summary>What one invocation gave: the response or the function error (as Lambda reports it), the function's log lines, its AWS calls, and the custom resource response it sent, if any.</summary>
public sealed record InvocationOutcome(
    string? Payload,
    LambdaFunctionError? Error,
    IReadOnlyList<string> Logs,
    IReadOnlyList<AwsCallLine> Calls,
    string? CustomResourceResponse = null)
{
    public static InvocationOutcome From(LambdaInvocationResult result, IReadOnlyList<string> logs, IReadOnlyList<AwsCallLine> calls, string? customResourceResponse = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new InvocationOutcome(result.Payload, result.Error, logs, calls, customResourceResponse);
    }
}

/// <summary>
/// Prints an outcome as <c>sam local invoke</c> shows one: the function's log lines, then (ours) its AWS calls and the
/// custom resource response, then the response, or the error document Lambda returns for a function error
/// (<c>{"errorType": ..., "errorMessage": ...}</c>, https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html,
/// X-Amz-Function-Error). No request or response body of an AWS call is printed.
/// </summary>
public static class InvocationText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, string header, InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcome);
        output.WriteLine(header);
        output.WriteLine($"Logs ({Count(outcome.Logs.Count, "line")}):");
        foreach (var line in outcome.Logs) output.WriteLine("  " + line);
        output.WriteLine($"AWS calls ({Count(outcome.Calls.Count, "call")}):");
        foreach (var call in outcome.Calls) output.WriteLine("  " + Line(call));
        if (outcome.CustomResourceResponse is { } sent)
        {
            output.WriteLine("Custom resource response (the PUT to ResponseURL, answered locally):");
            output.WriteLine(Pretty(sent));
        }
        if (outcome.Error is { } error)
        {
            output.WriteLine("Function error:");
            output.WriteLine(new JsonObject { ["errorType"] = error.ErrorType, ["errorMessage"] = error.ErrorMessage }.ToJsonString(Indented));
        }
        else
        {
            output.WriteLine("Response:");
            output.WriteLine(Pretty(outcome.Payload ?? "null"));
        }
    }

    /// <summary>"pcs GetCluster 200", "states StartExecution 400 ExecutionAlreadyExists", "ec2 DescribeInstances 200 (2 retries)".</summary>
    public static string Line(AwsCallLine call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var status = call.Status == 0 ? "no response" : call.Status.ToString(CultureInfo.InvariantCulture);
        var error = call.ErrorCode is { } code ? $" {code}" : "";
        var retries = call.Retries > 0 ? $" ({Count(call.Retries, "retry", "retries")})" : "";
        return $"{call.Service} {call.Operation} {status}{error}{retries}";
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    private static string Pretty(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
