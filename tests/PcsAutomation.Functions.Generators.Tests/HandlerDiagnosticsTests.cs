using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PcsAutomation.Functions.Generators.Tests.Support;
using static PcsAutomation.Functions.Generators.Tests.Support.HandlerSources;

namespace PcsAutomation.Functions.Generators.Tests;

/// <summary>Bad attributes are compile errors with an id, at the attribute or argument at fault, saying what to change.</summary>
public class HandlerDiagnosticsTests
{
    [Fact]
    // Of two duplicates, the one later in (handler name, class) ordinal order is reported: the same one on every build.
    public async Task DuplicateHandler_SameNameInTwoClasses_ReportsTheSecond()
    {
        var test = new GeneratorTest { TestState = { Sources = { Handler("PlanHandler"), Handler("PlanHandler", "[{|#0:LambdaFunction|}]", ns: "Other") } } };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.DuplicateHandler).WithLocation(0)
            .WithArguments("Plan", "Demo.PlanHandler", "Other.PlanHandler"));

        await test.RunAsync();
    }

    [Fact]
    public async Task DuplicateHandler_ExplicitNameOfAnotherHandler_IsReported()
    {
        var test = new GeneratorTest
        {
            TestState = { Sources = { Handler("PlanHandler"), Handler("QueueHandler", """[{|PCSGEN001:LambdaFunction(Handler = "Plan", ResourceName = "QueueFunction")|}]""") } },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MissingCreate_NoFactory_ReportsOnTheClass()
    {
        var test = new GeneratorTest
        {
            TestState = { Sources = { """
                using PcsAutomation.Lambda.Annotations;
                namespace Demo;
                [LambdaFunction]
                public sealed class {|#0:PlanHandler|} { }
                """ } },
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.MissingCreate).WithLocation(0).WithArguments("Demo.PlanHandler"));

        await test.RunAsync();
    }

    [Fact]
    public async Task MissingCreate_FactoryWithAnotherSignature_IsReported()
    {
        var test = new GeneratorTest
        {
            TestState = { Sources = { """
                using PcsAutomation.Lambda.Annotations;
                using PcsAutomation.Lambda.Serialization;
                namespace Demo;
                [LambdaFunction]
                public sealed class {|PCSGEN002:PlanHandler|}
                {
                    public static LambdaHandler Create(string name) => throw new System.NotSupportedException(name);
                }
                """ } },
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData("MemorySize", "MB")]
    [InlineData("Timeout", "seconds")]
    public async Task NotPositive_ZeroSize_ReportsTheArgument(string property, string unit)
    {
        var test = new GeneratorTest { TestState = { Sources = { Handler("PlanHandler", $"[LambdaFunction({{|#0:{property} = 0|}})]") } } };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.NotPositive).WithLocation(0).WithArguments(property, "Demo.PlanHandler", unit));

        await test.RunAsync();
    }

    [Fact]
    public async Task NotPositive_ZeroInGlobals_ReportsTheAssemblyAttribute()
    {
        var test = new GeneratorTest
        {
            TestState = { Sources = { Handler("PlanHandler"), """
                using PcsAutomation.Lambda.Annotations;
                [assembly: LambdaGlobalProperties({|#0:MemorySize = 0|}, Timeout = 30)]
                """ } },
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.NotPositive).WithLocation(0).WithArguments("MemorySize", "LambdaGlobalProperties", "MB"));

        await test.RunAsync();
    }

    [Fact]
    public async Task TimeoutTooLong_AboveLambdasMaximum_IsReported()
    {
        var test = new GeneratorTest { TestState = { Sources = { Handler("PlanHandler", "[LambdaFunction({|#0:Timeout = 901|})]") } } };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.TimeoutTooLong).WithLocation(0).WithArguments("Demo.PlanHandler", "901"));

        await test.RunAsync();
    }

    [Fact]
    public async Task DuplicateResource_TwoHandlersOneLogicalId_IsReported()
    {
        var test = new GeneratorTest
        {
            TestState = { Sources = { Handler("PlanHandler"), Handler("QueueHandler", """[{|#0:LambdaFunction(ResourceName = "PlanFunction")|}]""") } },
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.DuplicateResource).WithLocation(0)
            .WithArguments("PlanFunction", "Demo.PlanHandler", "Demo.QueueHandler"));

        await test.RunAsync();
    }

    [Fact]
    public async Task EmptyName_EmptyHandler_ReportsWithTheDefault()
    {
        var test = new GeneratorTest { TestState = { Sources = { Handler("PlanHandler", """[LambdaFunction({|#0:Handler = " "|})]""") } } };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HandlerDiagnostics.EmptyName).WithLocation(0).WithArguments("Handler", "Demo.PlanHandler", "Plan"));

        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedSources_OneHandler_AreExactlyTheRegistrySwitchAndTheDescription()
    {
        var test = new GeneratorTest(checkGeneratedSources: true)
        {
            TestState =
            {
                Sources = { Globals, Handler("PlanRotationHandler", """[LambdaFunction(Timeout = 60, Policies = "@ReadPolicy, PcsRead")]""") },
                GeneratedSources =
                {
                    (typeof(HandlerGenerator), "HandlerRegistry.g.cs", """
                        // <auto-generated/>
                        // By PcsAutomation.Functions.Generators from the [LambdaFunction] attributes of the handler classes. Do not edit.
                        #nullable enable
                        namespace PcsAutomation.Functions;

                        public static partial class HandlerRegistry
                        {
                            /// <summary>Every handler name, in ordinal order; template checks assert each function's <c>Handler</c> is one of these.</summary>
                            public static global::System.Collections.Generic.IReadOnlyCollection<string> Names { get; } = ["PlanRotation"];

                            private static global::PcsAutomation.Lambda.Serialization.LambdaHandler? TryCreate(string name, global::PcsAutomation.Functions.Hosting.FunctionServices services) => name switch
                            {
                                "PlanRotation" => global::Demo.PlanRotationHandler.Create(services),
                                _ => null,
                            };

                            private static bool IsKnown(string name) => name switch
                            {
                                "PlanRotation" => true,
                                _ => false,
                            };
                        }

                        """),
                    (typeof(HandlerGenerator), "LambdaFunctions.g.cs", """
                        // <auto-generated/>
                        // By PcsAutomation.Functions.Generators from the [LambdaFunction] attributes of the handler classes. Do not edit.
                        #nullable enable
                        namespace PcsAutomation.Functions;

                        /// <summary>The functions this bootstrap serves, as their [LambdaFunction] attributes declare them (globals applied).</summary>
                        public static class LambdaFunctions
                        {
                            /// <summary>The runtime of [assembly: LambdaGlobalProperties], or null.</summary>
                            public static string? Runtime => "provided.al2023";

                            /// <summary>Every function, in the handler names' ordinal order.</summary>
                            public static global::System.Collections.Generic.IReadOnlyList<global::PcsAutomation.Lambda.Annotations.LambdaFunctionDescription> All { get; } =
                            [
                                new("PlanRotationFunction", "PlanRotation", "Demo.PlanRotationHandler", MemorySize: 256, Timeout: 60,
                                    Environment: ["STACK", "TABLE"],
                                    Policies: ["@ReadPolicy", "PcsRead"]),
                            ];
                        }

                        """),
                },
            },
        };

        await test.RunAsync();
    }
}
