namespace PcsAutomation.Architecture.Tests;

/// <summary>
/// The layers of design.md §3 and what each may use, the one table the architecture tests read. "Ours" is every project
/// under functions/ and tools/; packages and the framework are not listed (Domain and the States engine are further
/// kept from I/O namespaces by <see cref="LayeringTests"/>).
/// <list type="bullet">
/// <item><b>Domain</b>: nothing of ours (pure decisions; time and data come in as values).</item>
/// <item><b>Lambda</b> (runtime loop) and <b>Aws</b> (clients): nothing of ours, so not Functions, not Domain, not a tool.</item>
/// <item><b>Slurm</b> (the Slurm REST API client and its JWTs): nothing of ours; PCS facts and secret values come in as plain
/// values.</item>
/// <item><b>Functions</b> (handlers, the bootstrap): Domain, Aws, Lambda, Slurm, and FunctionsGenerators as its build-time analyzer.</item>
/// <item><b>FunctionsGenerators</b> (the source generator of the handler registry, run by the compiler): nothing of ours.</item>
/// <item><b>States</b> (the ASL engine) and <b>Testing</b> (product-neutral fakes: the fake Runtime API): nothing of ours.</item>
/// <item><b>LocalAws</b> (the emulator): States and Testing only. It knows nothing of the product (Domain, Aws, Lambda,
/// Functions) and meets it through the wire: its Lambda host runs a bootstrap process, or an in-process delegate that
/// whoever starts it passes (<c>LocalAwsOptions.FunctionFactory</c>).</item>
/// <item><b>ProductHost</b>: the one place emulator and product meet (LocalAws and Functions, with what they use); no CLI.</item>
/// <item><b>Cli</b> (<c>pcs-automation</c>): operates the product and runs it on the emulator, so everything above; and
/// StateMachines, whose diagrams draw a run's path on its page (<c>report</c>).</item>
/// <item><b>States.Run</b> (<c>pcs-states-run</c>): the engine only.</item>
/// <item><b>StateMachines</b> (the generator of statemachines/*.asl.json from fragments): nothing of ours (JSON in, JSON out).</item>
/// </list>
/// </summary>
internal static class Layers
{
    public const string Domain = "PcsAutomation.Domain";
    public const string Aws = "PcsAutomation.Aws";
    public const string Lambda = "PcsAutomation.Lambda";
    public const string Slurm = "PcsAutomation.Slurm";
    public const string Functions = "PcsAutomation.Functions";
    public const string FunctionsGenerators = "PcsAutomation.Functions.Generators";
    public const string States = "PcsAutomation.States";
    public const string Testing = "PcsAutomation.Testing";
    public const string LocalAws = "PcsAutomation.LocalAws";
    public const string ProductHost = "PcsAutomation.ProductHost";
    public const string Cli = "PcsAutomation.Cli";
    public const string StatesRun = "PcsAutomation.States.Run";
    public const string StateMachines = "PcsAutomation.StateMachines";

    /// <summary>The product: what the emulator, the engine and the fakes may not know.</summary>
    public static readonly string[] Product = [Domain, Aws, Lambda, Slurm, Functions];

    /// <summary>The tools: what the product may not know.</summary>
    public static readonly string[] Tools = [States, Testing, LocalAws, ProductHost, Cli, StateMachines];

    /// <summary>Project name → every project of ours it may reach, directly or through others.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayReach = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Domain] = [],
        [Lambda] = [],
        [Aws] = [],
        [Slurm] = [],
        [Functions] = [Domain, Aws, Lambda, Slurm, FunctionsGenerators],
        [FunctionsGenerators] = [],
        [States] = [],
        [Testing] = [],
        [LocalAws] = [States, Testing],
        [ProductHost] = [LocalAws, States, Testing, Functions, FunctionsGenerators, Domain, Aws, Lambda, Slurm],
        [Cli] = [ProductHost, LocalAws, States, Testing, Functions, FunctionsGenerators, Domain, Aws, Lambda, Slurm, StateMachines],
        [StatesRun] = [States],
        [StateMachines] = [],
    };

    /// <summary>Assembly name → the layer (project) it is built from, for the layers checked on compiled code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Assemblies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Domain] = Domain,
        [Aws] = Aws,
        [Lambda] = Lambda,
        [Slurm] = Slurm,
        ["bootstrap"] = Functions, // Lambda's provided.al2023 runtime runs a file named bootstrap
        [States] = States,
        [Testing] = Testing,
        [LocalAws] = LocalAws,
        [ProductHost] = ProductHost,
        ["pcs-automation"] = Cli,
    };

    /// <summary>The assembly built from <paramref name="layer"/>.</summary>
    public static string AssemblyOf(string layer) => Assemblies.Single(pair => pair.Value == layer).Key;
}
