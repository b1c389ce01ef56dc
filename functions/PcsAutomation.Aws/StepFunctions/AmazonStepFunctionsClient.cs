using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Aws.StepFunctions;

/// <summary>
/// AWS Step Functions over the shared JSON-protocol transport: every operation is one <see cref="IAwsJsonInvoker.InvokeAsync"/> call with
/// source-generated metadata, so signing, retries and error mapping (<see cref="AmazonStepFunctionsException.FromErrorResponse"/>) live in one place.
/// </summary>
public sealed partial class AmazonStepFunctionsClient(IAwsJsonInvoker invoker) : IAmazonStepFunctions
{
    /// <summary>How the service speaks awsJson; the conformance tests check it against the botocore model's metadata.</summary>
    public static AwsServiceMetadata ServiceMetadata { get; } = new("SFN", "states", "states", "AWSStepFunctions", "1.0");

    private readonly IAwsJsonInvoker invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));

    public IStepFunctionsPaginatorFactory Paginators => new StepFunctionsPaginatorFactory(this);
}
