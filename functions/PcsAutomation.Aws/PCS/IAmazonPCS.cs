using PcsAutomation.Aws.PCS.Model;

namespace PcsAutomation.Aws.PCS;

/// <summary>AWS Parallel Computing Service client contract, shaped like the AWS SDK for .NET's <c>IAmazonPCS</c>; the operations are generated.</summary>
public partial interface IAmazonPCS
{
    /// <summary>Paginators for the List operations (<c>IAsyncEnumerable</c> of responses and of items).</summary>
    IPCSPaginatorFactory Paginators { get; }
}
