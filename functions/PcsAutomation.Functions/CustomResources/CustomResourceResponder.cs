using System.Globalization;

namespace PcsAutomation.Functions.CustomResources;

/// <summary>
/// The response to a CloudFormation custom resource request could not be delivered to its <c>ResponseURL</c>; the
/// message gives the URL without its query (where the pre-signature lives) and the HTTP status or network error.
/// </summary>
public sealed class CustomResourceResponseException : Exception
{
    public CustomResourceResponseException(string message) : base(message) { }

    public CustomResourceResponseException() { }

    public CustomResourceResponseException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// PUTs a custom resource response to the request's pre-signed S3 <c>ResponseURL</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html: "sends the JSON file to the
/// presigned URL", an S3 upload with a presigned URL). A plain HTTP client on purpose, never the SigV4 signing path of
/// the AWS clients: the URL carries its own authorization, and a signature added to it would not be S3's. As AWS's own
/// <c>cfn-response</c> module does (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-lambda-function-code-cfnresponsemodule.html;
/// source: https://github.com/awslabs/aws-cloudformation-templates/blob/master/aws/services/CloudFormation/MacrosExamples/StackMetrics/lambda/cfnresponse.py),
/// the body goes with an empty <c>Content-Type</c> and an explicit <c>Content-Length</c>: a content type the URL was not
/// signed with is refused by S3 with SignatureDoesNotMatch (https://github.com/binxio/cfn-secret-provider/issues/3).
/// A network error or a 5xx/429 answer is tried again, up to <see cref="MaxAttempts"/> times, at once (CloudFormation
/// waits, the Lambda deadline does not); any other answer is final.
/// </summary>
public sealed class CustomResourceResponder(HttpClient http)
{
    public const int MaxAttempts = 3;

    private static readonly Lazy<CustomResourceResponder> Default = new(() =>
        new CustomResourceResponder(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // bounded by the caller's token (the invocation's deadline)
        }));

    /// <summary>One responder per process, on its own connection pool.</summary>
    public static CustomResourceResponder Shared => Default.Value;

    /// <summary>Sends <paramref name="body"/>; returns the attempts it took, or throws <see cref="CustomResourceResponseException"/>.</summary>
    public async Task<int> PutAsync(Uri responseUrl, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(body);
        var where = responseUrl.GetLeftPart(UriPartial.Path); // never the query: it holds the signature
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, responseUrl) { Content = Content(body) };
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return attempt;
                var status = (int)response.StatusCode;
                // S3's error body may echo the string it signed: never read into a message.
                failure = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} ({response.ReasonPhrase})");
                if (status is not (>= 500 or 429))
                    throw new CustomResourceResponseException($"The response PUT to {where} was refused: {failure}, after {attempt} attempt(s).");
            }
            catch (HttpRequestException e)
            {
                failure = $"network error {e.HttpRequestError}";
                if (attempt == MaxAttempts)
                    throw new CustomResourceResponseException($"The response PUT to {where} failed: {failure}, after {attempt} attempts.", e);
                continue;
            }
            if (attempt == MaxAttempts)
                throw new CustomResourceResponseException($"The response PUT to {where} failed: {failure}, after {attempt} attempts.");
        }
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentLength = body.Length;
        content.Headers.TryAddWithoutValidation("Content-Type", ""); // cfn-response's 'content-type': ''
        return content;
    }
}
