using PcsAutomation.States.Runtime;

// pcs-states-run <definition.asl.json> [--input input.json] [--mock mocks.json]
// Exit codes: 0 succeeded, 1 the execution failed/timed out/aborted, 2 bad usage or invalid definition/input/mock.
const string Usage = """
    usage: pcs-states-run <definition.asl.json> [--input <input.json>] [--mock <mocks.json>]

    Runs the definition once with the input (default {}), answering Task states from the mock file:
      { "StateName": { "Return": <result> } | { "Throw": { "Error": "...", "Cause": "..." } } | [ answer, answer, ... ] }
    A list answers successive calls (retries); its last answer repeats. Waits and retry intervals take no real time.
    """;

string? definitionPath = null, inputPath = null, mockPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--input" when i + 1 < args.Length:
            inputPath = args[++i];
            break;
        case "--mock" when i + 1 < args.Length:
            mockPath = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        case var arg when !arg.StartsWith('-') && definitionPath is null:
            definitionPath = arg;
            break;
        default:
            Console.Error.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
            return 2;
    }
}

if (definitionPath is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string Read(string path, string what)
{
    try
    {
        return File.ReadAllText(path);
    }
    catch (IOException e)
    {
        throw new ArgumentException($"cannot read the {what} file '{path}': {e.Message}", e);
    }
}

LocalRunReport report;
try
{
    report = await LocalRun.RunAsync(
        Read(definitionPath, "definition"),
        inputPath is null ? "{}" : Read(inputPath, "input"),
        mockPath is null ? null : Read(mockPath, "mock"),
        TimeProvider.System.GetUtcNow());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"visited: {string.Join(" -> ", report.VisitedStates)}");
Console.WriteLine($"state transitions: {report.StateTransitions}, task calls: {report.TaskInvocations}, virtual time: {report.VirtualDuration}");
Console.WriteLine($"status: {report.Status}");
if (report.Succeeded)
{
    Console.WriteLine(report.Output);
    return 0;
}

Console.WriteLine($"error: {report.Error}");
Console.WriteLine($"cause: {report.Cause}");
return report.Status == "INVALID" ? 2 : 1;
