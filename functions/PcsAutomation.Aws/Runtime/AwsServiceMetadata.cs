namespace PcsAutomation.Aws.Runtime;

/// <summary>How one AWS service speaks the JSON protocol: where it lives, how it is signed, how operations are named.</summary>
/// <param name="ServiceId">The SDK service id, used for <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c> (spaces become underscores, upper case): "PCS", "Secrets Manager", "SFN".</param>
/// <param name="EndpointPrefix">The host prefix of <c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com</c>.</param>
/// <param name="SigningName">The SigV4 service name in the credential scope.</param>
/// <param name="TargetPrefix">The part of <c>X-Amz-Target</c> before the dot.</param>
/// <param name="JsonVersion">"1.0" or "1.1": the <c>application/x-amz-json-&lt;version&gt;</c> content type.</param>
public sealed record AwsServiceMetadata(
    string ServiceId,
    string EndpointPrefix,
    string SigningName,
    string TargetPrefix,
    string JsonVersion)
{
    public string ContentType => $"application/x-amz-json-{JsonVersion}";
}
