using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Aws.StepFunctions;

/// <summary>AWS Step Functions client contract, shaped like the AWS SDK for .NET's <c>IAmazonStepFunctions</c>; the operations are generated.</summary>
public partial interface IAmazonStepFunctions
{
    /// <summary>Paginators for the List operations (<c>IAsyncEnumerable</c> of responses and of items).</summary>
    IStepFunctionsPaginatorFactory Paginators { get; }
}
