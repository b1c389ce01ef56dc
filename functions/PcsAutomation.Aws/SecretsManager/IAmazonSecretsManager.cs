using PcsAutomation.Aws.SecretsManager.Model;

namespace PcsAutomation.Aws.SecretsManager;

/// <summary>AWS Secrets Manager client contract, shaped like the AWS SDK for .NET's <c>IAmazonSecretsManager</c>; the operations are generated.</summary>
public partial interface IAmazonSecretsManager
{
    /// <summary>Paginators for the List operations (<c>IAsyncEnumerable</c> of responses and of items).</summary>
    ISecretsManagerPaginatorFactory Paginators { get; }
}
