using System.Reflection;
using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>What the conformance tests need to know about one of our clients, and the model it must match.</summary>
public sealed record ServiceUnderTest(
    string Name,
    string ModelName,
    Type Interface,
    Func<IAwsJsonInvoker, object> CreateClient,
    AwsServiceMetadata Metadata,
    JsonSerializerContext Context,
    Type BaseException,
    AwsErrorFactory ErrorFactory)
{
    public static readonly ServiceUnderTest Pcs = new(
        "PCS", "pcs", typeof(Aws.PCS.IAmazonPCS), invoker => new Aws.PCS.AmazonPCSClient(invoker),
        Aws.PCS.AmazonPCSClient.ServiceMetadata, Aws.PCS.Internal.PCSJsonContext.Default,
        typeof(Aws.PCS.Model.AmazonPCSException), Aws.PCS.Model.AmazonPCSException.FromErrorResponse);

    public static readonly ServiceUnderTest SecretsManager = new(
        "SecretsManager", "secretsmanager", typeof(Aws.SecretsManager.IAmazonSecretsManager),
        invoker => new Aws.SecretsManager.AmazonSecretsManagerClient(invoker),
        Aws.SecretsManager.AmazonSecretsManagerClient.ServiceMetadata, Aws.SecretsManager.Internal.SecretsManagerJsonContext.Default,
        typeof(Aws.SecretsManager.Model.AmazonSecretsManagerException),
        Aws.SecretsManager.Model.AmazonSecretsManagerException.FromErrorResponse);

    public static readonly ServiceUnderTest StepFunctions = new(
        "StepFunctions", "stepfunctions", typeof(Aws.StepFunctions.IAmazonStepFunctions),
        invoker => new Aws.StepFunctions.AmazonStepFunctionsClient(invoker),
        Aws.StepFunctions.AmazonStepFunctionsClient.ServiceMetadata, Aws.StepFunctions.Internal.StepFunctionsJsonContext.Default,
        typeof(Aws.StepFunctions.Model.AmazonStepFunctionsException),
        Aws.StepFunctions.Model.AmazonStepFunctionsException.FromErrorResponse);

    public static IReadOnlyList<ServiceUnderTest> All { get; } = [Pcs, SecretsManager, StepFunctions];

    public static ServiceUnderTest Named(string name) => All.Single(s => s.Name == name);

    public BotocoreModel Model => BotocoreModel.Load(ModelName);

    public string ModelNamespace => BaseException.Namespace!;

    /// <summary>The operations the client implements: interface methods <c>&lt;Op&gt;Async(&lt;Op&gt;Request, CancellationToken)</c>.</summary>
    public IReadOnlyList<ClientOperation> Operations =>
        Interface.GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => new ClientOperation(m.Name[..^"Async".Length], m))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

    public Type? ModelType(string name) => BaseException.Assembly.GetType($"{ModelNamespace}.{name}");

    public override string ToString() => Name;
}

public sealed record ClientOperation(string Name, MethodInfo Method)
{
    public Type RequestType => Method.GetParameters()[0].ParameterType;

    public Type ResponseType => Method.ReturnType.GetGenericArguments()[0];
}
