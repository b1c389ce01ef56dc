namespace PcsAutomation.Functions.Generators.Tests.Support;

/// <summary>Sources of small bootstraps the tests compile: handler classes as the product writes them.</summary>
internal static class HandlerSources
{
    /// <summary>The one product type the generated registry names that the tests do not reference (it lives in the bootstrap).</summary>
    public const string FunctionServices = """
        namespace PcsAutomation.Functions.Hosting
        {
            public sealed class FunctionServices { }
        }
        """;

    /// <summary>A handler class <paramref name="className"/> with the attribute <paramref name="attribute"/> and the factory.</summary>
    public static string Handler(string className, string attribute = "[LambdaFunction]", string ns = "Demo") => $$"""
        using System.Threading.Tasks;
        using PcsAutomation.Functions.Hosting;
        using PcsAutomation.Lambda.Annotations;
        using PcsAutomation.Lambda.Serialization;

        namespace {{ns}};

        {{attribute}}
        public sealed class {{className}}
        {
            public static LambdaHandler Create(FunctionServices services) => (payload, context) => Task.FromResult(payload);
        }
        """;

    /// <summary>The globals of the real bootstrap's shape: runtime, 256 MB, 30 s, two variables.</summary>
    public const string Globals = """
        using PcsAutomation.Lambda.Annotations;

        [assembly: LambdaGlobalProperties(Runtime = "provided.al2023", MemorySize = 256, Timeout = 30, Environment = ["STACK", "TABLE"])]
        """;
}
