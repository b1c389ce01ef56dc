using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.SecretsManager.Model;

namespace PcsAutomation.Aws.SecretsManager;

/// <summary>
/// AWS Secrets Manager over the shared JSON-protocol transport: every operation is one <see cref="IAwsJsonInvoker.InvokeAsync"/> call with
/// source-generated metadata, so signing, retries and error mapping (<see cref="AmazonSecretsManagerException.FromErrorResponse"/>) live in one place.
/// </summary>
public sealed partial class AmazonSecretsManagerClient(IAwsJsonInvoker invoker) : IAmazonSecretsManager
{
    /// <summary>How the service speaks awsJson; the conformance tests check it against the botocore model's metadata.</summary>
    public static AwsServiceMetadata ServiceMetadata { get; } = new("Secrets Manager", "secretsmanager", "secretsmanager", "secretsmanager", "1.1");

    private readonly IAwsJsonInvoker invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));

    public ISecretsManagerPaginatorFactory Paginators => new SecretsManagerPaginatorFactory(this);
}
