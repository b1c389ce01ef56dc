using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// Gives the AWSSDK clients (EC2, SSM, DynamoDB) the transport of <see cref="AwsClientOptions.HttpMessageHandler"/>,
/// so a test or an in-process emulator sees their requests exactly as it sees the JSON clients' ones.
/// </summary>
internal sealed class SharedHandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    // The handler belongs to whoever passed it in: the SDK may drop its HttpClient wrappers, never the handler.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
