using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;

// dotnet run -c Release --project benchmarks/States [-- <loops> <executions> <parked>]
var loops = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
var executions = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
// Parking 10,000 took about 50 s on the shared 2-core machine (start-up cost grows with the parked count): 2,000 by default.
var parked = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000;

// A polling loop like our workflows: Task, Choice, Wait 60 s, counter through an intrinsic: 4 transitions a turn.
var polling = StateMachineDefinition.Parse("""
    {"StartAt":"Init","States":{
     "Init":{"Type":"Pass","Parameters":{"i":0,"n.$":"$.n"},"Next":"Poll"},
     "Poll":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"i.$":"$.i"},"ResultPath":"$.last","Next":"Inc"},
     "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},"Next":"Wait"},
     "Wait":{"Type":"Wait","Seconds":60,"Next":"Check"},
     "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Poll"}],"Default":"Done"},
     "Done":{"Type":"Succeed"}}}
    """);
var map = StateMachineDefinition.Parse("""
    {"StartAt":"Fan","States":{"Fan":{"Type":"Map","MaxConcurrency":10,"ItemSelector":{"v.$":"$$.Map.Item.Value"},
      "ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Wait","Seconds":5,"Next":"C"},"C":{"Type":"Pass","End":true}}},"End":true}}}
    """);
var answer = new EchoTasks();

await Measure("warm-up", polling, "{\"n\":50}", 2);
await Measure($"polling loop x{loops} turns, {executions} concurrent executions", polling, $"{{\"n\":{loops}}}", executions);
await Measure("Map of 5,000 items (3 states each, MaxConcurrency 10)", map,
    "[" + string.Join(",", Enumerable.Range(0, 5_000)) + "]", 1);
MeasureParkedMemory(parked);

async Task Measure(string name, StateMachineDefinition definition, string input, int count)
{
    var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    var engine = new StatesEngine(clock, answer);
    var driver = new VirtualTimeDriver(engine, clock);
    var watch = Stopwatch.StartNew();
    var started = Enumerable.Range(0, count).Select(i => engine.StartExecution(definition, "arn:aws:states:us-east-1:123456789012:stateMachine:Bench", $"e{i}", input)).ToList();
    foreach (var execution in started)
        await driver.RunToCompletionAsync(execution);
    watch.Stop();
    var transitions = started.Sum(e => e.StateTransitions);
    if (started.Any(e => e.Status != ExecutionStatus.Succeeded))
        throw new InvalidOperationException($"{name}: {started.First(e => e.Status != ExecutionStatus.Succeeded).Cause}");
    Console.WriteLine($"{name}: {transitions:N0} transitions in {watch.Elapsed.TotalSeconds:F2} s = {transitions / watch.Elapsed.TotalSeconds:N0} transitions/s "
        + $"(virtual time {clock.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)})");
}

void MeasureParkedMemory(int count)
{
    var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    var engine = new StatesEngine(clock, answer);
    var before = GC.GetTotalMemory(forceFullCollection: true);
    for (var i = 0; i < count; i++)
        engine.StartExecution(polling, "arn:aws:states:us-east-1:123456789012:stateMachine:Bench", $"p{i}", "{\"n\":10}");
    engine.WhenIdleAsync().GetAwaiter().GetResult();
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"{count:N0} executions parked on a Wait: {(after - before) / 1024.0 / count:F1} KiB per running execution (history included)");
    GC.KeepAlive(engine);
}

/// <summary>A task host answering at once, so the measure is the interpreter.</summary>
internal sealed class EchoTasks : ITaskInvoker
{
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TaskOutcome.Success(new System.Text.Json.Nodes.JsonObject { ["ok"] = true }));
}
