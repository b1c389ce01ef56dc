using System.Collections.Concurrent;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.ProductHost;

/// <summary>
/// Runs the product's Lambda handlers in process for the local AWS emulator: pass <see cref="Create"/> as
/// <c>LocalAwsOptions.FunctionFactory</c> and every template function runs the handler its <c>Handler</c> names.
/// Each function gets what the real bootstrap builds at init, built by the same code: <see cref="FunctionHost"/>
/// runs against an in-memory Runtime API with the function's template environment plus the emulator's endpoint,
/// Region and test keys, on the emulator's clock (so AWS client back-offs and Lambda deadlines are virtual time).
/// Like Lambda, a function scales out: an invocation arriving while every execution environment is busy starts another.
/// Every line the function writes (JSON logs, EMF metrics) is kept per function in <see cref="Logs"/>, so tests can
/// scan them (for a secret value, say).
/// </summary>
/// <example>
/// <code>
/// await using var functions = new ProductFunctions();
/// await using var aws = await LocalAws.StartAsync(new LocalAwsOptions { Template = "template.yaml", FunctionFactory = functions.Create });
/// </code>
/// </example>
public sealed class ProductFunctions : IInProcessFunctions
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> logs = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<InProcessRuntime> runtimes = [];
    private readonly CancellationTokenSource stopping = new();
    private int seed;

    /// <summary>
    /// Changes the options of a function's AWS clients before they are built: receives the function and the defaults (its
    /// variables, the emulator's test keys and endpoint, its clock), returns the options to use. Default null: the defaults.
    /// <c>pcs-automation invoke</c> passes one that puts a recording transport under one function's clients, or points them
    /// at real AWS.
    /// </summary>
    public Func<TemplateFunction, AwsClientOptions, AwsClientOptions>? ConfigureAwsClients { get; init; }

    /// <summary>The handler of <paramref name="declared"/> (the signature of <c>LocalAwsOptions.FunctionFactory</c>).</summary>
    public Func<string, CancellationToken, Task<string>>? Create(TemplateFunction declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        logs.TryAdd(declared.Name, new ConcurrentQueue<string>());
        return new FunctionPool(this, declared).InvokeAsync;
    }

    /// <summary>Every output line so far, by function name (functions that never ran have an empty list).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Logs =>
        logs.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);

    /// <summary>Every output line of every function so far.</summary>
    public IReadOnlyList<string> AllLines => [.. logs.Values.SelectMany(l => l)];

    /// <summary>The output lines of one function so far.</summary>
    public IReadOnlyList<string> LogsOf(string functionName) => logs.TryGetValue(functionName, out var lines) ? [.. lines] : [];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (var runtime in runtimes)
            await runtime.StoppedAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    /// <summary>The execution environments of one function: idle ones are reused, one invocation each at a time.</summary>
    private sealed class FunctionPool(ProductFunctions owner, TemplateFunction function)
    {
        private readonly Stack<InProcessRuntime> idle = new();

        public async Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
        {
            InProcessRuntime? runtime;
            lock (idle) idle.TryPop(out runtime);
            runtime ??= Start();
            try
            {
                return await runtime.InvokeAsync(payload, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (runtime.IsAlive)
                {
                    lock (idle) idle.Push(runtime);
                }
            }
        }

        private InProcessRuntime Start()
        {
            var lines = owner.logs.GetOrAdd(function.Name, _ => new ConcurrentQueue<string>());
            var random = new Random(Interlocked.Increment(ref owner.seed));
            string? Variable(string name) => function.Variables.TryGetValue(name, out var value) ? value : null;
            var options = new FunctionHostOptions
            {
                GetVariable = Variable,
                Output = new LineWriter(lines),
                Time = function.Clock,
                CreateAwsClients = () =>
                {
                    var defaults = new AwsClientOptions
                    {
                        TimeProvider = function.Clock,
                        Environment = Variable,
                        // The test keys from the function's environment, not the machine's credential chain.
                        Credentials = Variable("AWS_ACCESS_KEY_ID") is { } key && Variable("AWS_SECRET_ACCESS_KEY") is { } secret
                            ? new BasicAWSCredentials(key, secret)
                            : null,
                        Random = () => { lock (random) return random.NextDouble(); },
                    };
                    return AwsClientFactory.Create(owner.ConfigureAwsClients?.Invoke(function, defaults) ?? defaults);
                },
            };
            var runtime = InProcessRuntime.Start(function, options, owner.stopping.Token);
            owner.runtimes.Add(runtime);
            return runtime;
        }
    }

    /// <summary>Collects whole lines (the JSON logger and EMF write one line per record).</summary>
    private sealed class LineWriter(ConcurrentQueue<string> lines) : TextWriter
    {
        private readonly System.Text.StringBuilder partial = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (partial)
            {
                if (value == '\n')
                {
                    lines.Enqueue(partial.ToString().TrimEnd('\r'));
                    partial.Clear();
                }
                else
                {
                    partial.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }
    }
}
