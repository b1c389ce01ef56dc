using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Tests.Support;

/// <summary>An engine on a fake clock with a time-skipping driver: what every conformance test starts from.</summary>
internal sealed class Harness
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string MachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Test";

    public Harness(ITaskInvoker? tasks = null, int seed = 0)
    {
        Clock = new FakeTimeProvider(Epoch);
        Tasks = tasks ?? new FakeTaskInvoker(i => TaskOutcome.Success(i.Parameters?.DeepClone()));
        if (Tasks is FakeTaskInvoker fake)
            fake.Clock = Clock;
        Engine = new StatesEngine(Clock, Tasks, new StatesEngineOptions { Random = new RandomSource(new Random(seed)) });
        Driver = new VirtualTimeDriver(Engine, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public ITaskInvoker Tasks { get; }

    public StatesEngine Engine { get; }

    public VirtualTimeDriver Driver { get; }

    public Execution Start(string definition, string input = "{}", string? name = null) =>
        Engine.StartExecution(StateMachineDefinition.Parse(definition), MachineArn, name ?? "exec", input, "arn:aws:iam::123456789012:role/Test");

    public async Task<Execution> RunAsync(string definition, string input = "{}")
    {
        var execution = Start(definition, input);
        return await Driver.RunToCompletionAsync(execution);
    }

    public static async Task<Execution> RunOnceAsync(string definition, string input = "{}", ITaskInvoker? tasks = null) =>
        await new Harness(tasks).RunAsync(definition, input);

    /// <summary>Asserts success and returns the output, or fails showing error and cause.</summary>
    public static JsonNode? Output(Execution execution)
    {
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}: {execution.Cause}");
        return JsonNode.Parse(execution.Output!);
    }

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString() ?? "null"}");

    /// <summary>A one-state Pass machine with the given fields, for data-flow tests.</summary>
    public static string PassMachine(string fields) =>
        """{"StartAt":"P","States":{"P":{"Type":"Pass",""" + fields + ""","End":true}}}""";
}
