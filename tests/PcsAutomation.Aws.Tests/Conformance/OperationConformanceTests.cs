using System.Net;
using System.Text.Json.Serialization;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>Every operation a client implements: it exists in the model, is sent with the model's target and content type, and its errors are typed.</summary>
public class OperationConformanceTests
{
    public static TheoryData<string, string> ImplementedOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in ServiceUnderTest.All)
            foreach (var operation in service.Operations)
                data.Add(service.Name, operation.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ImplementedOperations))]
    public void Operation_IsInModel_WithMatchingRequestAndResponseTypes(string serviceName, string operationName)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var operation = service.Operations.Single(o => o.Name == operationName);

        Assert.NotNull(service.Model.Operation(operationName));
        Assert.Equal(operationName + "Request", operation.RequestType.Name);
        Assert.Equal(operationName + "Response", operation.ResponseType.Name);
    }

    [Theory]
    [MemberData(nameof(ImplementedOperations))]
    public async Task Operation_SentThroughInvoker_UsesModelTargetContentTypeAndSourceGeneratedTypes(string serviceName, string operationName)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var operation = service.Operations.Single(o => o.Name == operationName);
        var invoker = new RecordingInvoker();
        var request = Activator.CreateInstance(operation.RequestType)!;

        await (Task)operation.Method.Invoke(service.CreateClient(invoker), [request, CancellationToken.None])!;

        var call = Assert.Single(invoker.Calls);
        var model = service.Model;
        Assert.Equal($"{model.Metadata("targetPrefix")}.{operationName}", $"{service.Metadata.TargetPrefix}.{call.Operation}");
        Assert.Equal($"application/x-amz-json-{model.Metadata("jsonVersion")}", service.Metadata.ContentType);
        // The operation's own context (so the AOT bootstrap keeps only the shapes of the operations it calls),
        // generated with the whole-model context's options.
        foreach (var (info, type) in new[] { (call.RequestInfo, operation.RequestType), (call.ResponseInfo, operation.ResponseType) })
        {
            Assert.Equal(type, info.Type);
            var context = Assert.IsAssignableFrom<JsonSerializerContext>(info.OriginatingResolver);
            Assert.Equal($"{service.Name}{operationName}JsonContext", context.GetType().Name);
            Assert.Equal(service.Context.Options.DefaultIgnoreCondition, context.Options.DefaultIgnoreCondition);
            Assert.Equal(service.Context.Options.Converters.Select(c => c.GetType()), context.Options.Converters.Select(c => c.GetType()));
        }
    }

    [Theory]
    [MemberData(nameof(ImplementedOperations))]
    public void Operation_EveryModelledError_HasExceptionTypeBuiltByFactory(string serviceName, string operationName)
    {
        var service = ServiceUnderTest.Named(serviceName);

        foreach (var error in service.Model.Errors(operationName))
        {
            var typeName = error.EndsWith("Exception", StringComparison.Ordinal) ? error : error + "Exception";
            var type = service.ModelType(typeName);
            Assert.True(type is not null, $"{serviceName} lacks {typeName} for {operationName}");
            Assert.True(type.IsSubclassOf(service.BaseException), $"{typeName} does not derive from {service.BaseException.Name}");

            var built = service.ErrorFactory(new AwsErrorResponse(error, "boom", HttpStatusCode.BadRequest, "req-1", "{}"));

            Assert.IsType(type, built);
            Assert.Equal((error, "boom", HttpStatusCode.BadRequest, "req-1"), (built.ErrorCode, built.Message, built.StatusCode, built.RequestId));
        }
    }

    [Fact]
    public void Metadata_EveryService_MatchesModelMetadata()
    {
        foreach (var service in ServiceUnderTest.All)
        {
            var model = service.Model;
            Assert.Equal(model.Metadata("serviceId"), service.Metadata.ServiceId);
            Assert.Equal(model.Metadata("endpointPrefix"), service.Metadata.EndpointPrefix);
            Assert.Equal(model.Metadata("targetPrefix"), service.Metadata.TargetPrefix);
            Assert.Equal(model.Metadata("jsonVersion"), service.Metadata.JsonVersion);
            // Step Functions' botocore metadata has no signingName: SigV4 then signs with the endpoint prefix
            Assert.Equal(model.MetadataOrNull("signingName") ?? model.Metadata("endpointPrefix"), service.Metadata.SigningName);
        }
    }

    [Fact]
    public void PcsClient_ImplementsEveryModelOperation_Nineteen()
    {
        var service = ServiceUnderTest.Pcs;

        var implemented = service.Operations.Select(o => o.Name).ToList();

        Assert.Equal(19, implemented.Count);
        Assert.Equal(service.Model.OperationNames.Order(StringComparer.Ordinal), implemented);
    }

    [Theory]
    [InlineData("SecretsManager", "CancelRotateSecret,DescribeSecret,GetSecretValue,ListSecrets,ListSecretVersionIds,RotateSecret,TagResource,UpdateSecretVersionStage")]
    [InlineData("StepFunctions", "DescribeExecution,GetExecutionHistory,ListExecutions,SendTaskFailure,SendTaskHeartbeat,SendTaskSuccess,StartExecution,StopExecution")]
    public void Client_ImplementsTheOperationsTheProductNeeds(string serviceName, string operations)
    {
        var implemented = ServiceUnderTest.Named(serviceName).Operations.Select(o => o.Name);

        Assert.Equal(operations.Split(',').Order(StringComparer.Ordinal), implemented.Order(StringComparer.Ordinal));
    }
}
