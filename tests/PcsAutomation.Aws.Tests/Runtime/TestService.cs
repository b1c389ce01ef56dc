using System.Text.Json.Serialization;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public sealed record EchoRequest([property: JsonPropertyName("clusterIdentifier")] string ClusterIdentifier);

public sealed record EchoResponse([property: JsonPropertyName("status")] string? Status);

[JsonSerializable(typeof(EchoRequest))]
[JsonSerializable(typeof(EchoResponse))]
public sealed partial class TestJsonContext : JsonSerializerContext;

public sealed class TestThrottlingException(AwsErrorResponse error)
    : AmazonServiceException(error.Message, ErrorType.Sender, error.Code, error.RequestId, error.StatusCode);

public sealed class TestValidationException(AwsErrorResponse error)
    : AmazonServiceException(error.Message, ErrorType.Sender, error.Code, error.RequestId, error.StatusCode);

/// <summary>Service shapes and an error factory as a typed client would define them.</summary>
public static class TestService
{
    public static readonly AwsServiceMetadata Pcs = new("PCS", "pcs", "pcs", "AWSParallelComputingService", "1.0");
    public static readonly AwsServiceMetadata SecretsManager = new("Secrets Manager", "secretsmanager", "secretsmanager", "secretsmanager", "1.1");

    public static AmazonServiceException Errors(AwsErrorResponse error) => error.Code switch
    {
        "ThrottlingException" => new TestThrottlingException(error),
        "ValidationException" => new TestValidationException(error),
        _ => error.ToServiceException(),
    };
}
