using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.PCS.Model;

namespace PcsAutomation.Aws.PCS;

/// <summary>
/// AWS Parallel Computing Service over the shared JSON-protocol transport: every operation is one <see cref="IAwsJsonInvoker.InvokeAsync"/> call with
/// source-generated metadata, so signing, retries and error mapping (<see cref="AmazonPCSException.FromErrorResponse"/>) live in one place.
/// </summary>
public sealed partial class AmazonPCSClient(IAwsJsonInvoker invoker) : IAmazonPCS
{
    /// <summary>How the service speaks awsJson; the conformance tests check it against the botocore model's metadata.</summary>
    public static AwsServiceMetadata ServiceMetadata { get; } = new("PCS", "pcs", "pcs", "AWSParallelComputingService", "1.0");

    private readonly IAwsJsonInvoker invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));

    public IPCSPaginatorFactory Paginators => new PCSPaginatorFactory(this);
}
