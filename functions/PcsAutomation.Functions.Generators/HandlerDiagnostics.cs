using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PcsAutomation.Functions.Generators;

/// <summary>What the generator refuses, each with an id (AnalyzerReleases.Unshipped.md lists them).</summary>
internal static class HandlerDiagnostics
{
    private const string Category = "PcsAutomation.Handlers";

    public static readonly DiagnosticDescriptor DuplicateHandler = new(
        "PCSGEN001", "Two handlers have the same name",
        "Handler name '{0}' is declared by both {1} and {2}: _HANDLER must pick one class; set Handler on one of them",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingCreate = new(
        "PCSGEN002", "A handler has no Create factory",
        "{0} has [LambdaFunction] but no 'public static LambdaHandler Create(FunctionServices services)': the registry builds each handler through it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotPositive = new(
        "PCSGEN003", "MemorySize or Timeout is not positive",
        "{0} of {1} is 0: give a positive number of {2}, or leave it out to use the default",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // The largest timeout Lambda accepts (CreateFunction's Timeout: "The maximum allowed value is 900 seconds",
    // https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/lambda/aws.sdk.kotlin.services.lambda.model/-create-function-request/timeout.html).
    public const uint MaxTimeoutSeconds = 900;

    public static readonly DiagnosticDescriptor TimeoutTooLong = new(
        "PCSGEN004", "Timeout is above Lambda's maximum",
        "Timeout of {0} is {1} s: Lambda allows at most 900 s",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateResource = new(
        "PCSGEN005", "Two handlers have the same template resource",
        "ResourceName '{0}' is declared by both {1} and {2}: each function of template.yaml has one handler",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EmptyName = new(
        "PCSGEN006", "Handler or ResourceName is empty",
        "{0} of {1} is empty: leave it out for the default ('{2}') or give a name",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        DuplicateHandler, MissingCreate, NotPositive, TimeoutTooLong, DuplicateResource, EmptyName,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];
}
