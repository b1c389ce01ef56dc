using System.Collections.Concurrent;
using System.Diagnostics;
using PcsAutomation.Testing.Lambda;

namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// One external function: its own Runtime API server and one <c>bootstrap</c> process polling it, started with the
/// environment Lambda gives a custom runtime. Output lines are kept for inspection; the process is killed on dispose.
/// </summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionProcess(FakeRuntimeApi api, Process process)
    {
        Api = api;
        this.process = process;
    }

    public FakeRuntimeApi Api { get; }

    /// <summary>stdout and stderr lines (the function's logs), in arrival order.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>Completes when the process ends (a crash, or dispose).</summary>
    public Task Exited => exited.Task;

    public static async Task<FunctionProcess> StartAsync(LambdaFunction function, IReadOnlyDictionary<string, string> awsEnvironment, string functionArn, TimeProvider deadlines)
    {
        var api = await FakeRuntimeApi.StartAsync(new FakeRuntimeApiOptions
        {
            Time = deadlines,
            DefaultTimeout = function.Timeout,
            DefaultFunctionArn = functionArn,
        }).ConfigureAwait(false);
        var start = new ProcessStartInfo(function.BootstrapPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(function.BootstrapPath!))!,
        };
        // Only what Lambda sets (plus PATH): the machine's own AWS settings must not leak into the function.
        var path = start.Environment["PATH"];
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        foreach (var (key, value) in Variables(function, awsEnvironment, api.RuntimeApiAddress, start.WorkingDirectory))
            start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var running = new FunctionProcess(api, process);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) running.Output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) running.Output.Enqueue(line.Data); };
        process.Exited += (_, _) => running.exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The reserved variables of a provided.al2023 function (AWS docs, "Defined runtime environment variables").</summary>
    internal static Dictionary<string, string> Variables(LambdaFunction function, IReadOnlyDictionary<string, string> aws, string runtimeApi, string taskRoot)
    {
        var variables = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in aws) variables[key] = value; // endpoint, Region, test credentials
        variables["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        variables["_HANDLER"] = function.Handler;
        variables["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        variables["AWS_LAMBDA_LOG_LEVEL"] = function.LogLevel;
        variables["AWS_LAMBDA_LOG_FORMAT"] = "JSON";
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name;
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] = "local/[$LATEST]0";
        variables["LAMBDA_TASK_ROOT"] = taskRoot;
        variables["TZ"] = ":UTC";
        return variables;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        process.Dispose();
        await Api.DisposeAsync().ConfigureAwait(false);
    }
}
