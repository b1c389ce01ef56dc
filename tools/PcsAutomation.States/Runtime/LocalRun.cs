using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

/// <summary>The result of <see cref="LocalRun.RunAsync"/>: what the command prints.</summary>
public sealed record LocalRunReport(
    string Status,
    string? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<string> VisitedStates,
    int StateTransitions,
    int TaskInvocations,
    TimeSpan VirtualDuration)
{
    public bool Succeeded => Status == "SUCCEEDED";
}

/// <summary>
/// Runs one definition with one input offline, answering Task states from a mock file, on a virtual clock that skips
/// every wait: the engine behind the "run a definition" command. Refusals (bad definition, input or mock file) come
/// back as a report with status INVALID, never as an exception.
/// </summary>
public static class LocalRun
{
    public static async Task<LocalRunReport> RunAsync(string definitionJson, string inputJson, string? mockJson, DateTimeOffset startTime)
    {
        StateMachineDefinition definition;
        MockTaskInvoker mocks;
        try
        {
            definition = StateMachineDefinition.Parse(definitionJson);
            mocks = mockJson is null ? MockTaskInvoker.Empty() : MockTaskInvoker.Parse(mockJson);
        }
        catch (DefinitionException e)
        {
            return Invalid("States.Runtime", string.Join(Environment.NewLine, e.Problems.Select(p => p.ToString())));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Invalid("InvalidMockFile", e.Message);
        }

        var clock = new FakeTimeProvider(startTime);
        var engine = new StatesEngine(clock, mocks);
        mocks.Engine = engine;
        Execution execution;
        try
        {
            execution = engine.StartExecution(definition, "arn:aws:states:us-east-1:123456789012:stateMachine:Local", "local", inputJson);
        }
        catch (StatesApiException e)
        {
            return Invalid(e.Code, e.Message);
        }

        try
        {
            await new VirtualTimeDriver(engine, clock).RunToCompletionAsync(execution).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            engine.StopExecution(execution.Arn, "Local.Stuck", e.Message);
            await execution.Completion.ConfigureAwait(false);
        }

        return new LocalRunReport(
            execution.Status.ToApiName(), Pretty(execution.Output), execution.Error, execution.Cause, execution.VisitedStates,
            execution.StateTransitions, execution.TaskInvocations, clock.GetUtcNow() - startTime);
    }

    private static LocalRunReport Invalid(string error, string cause) => new("INVALID", null, error, cause, [], 0, 0, TimeSpan.Zero);

    private static string? Pretty(string? json) =>
        json is null ? null : JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
}
