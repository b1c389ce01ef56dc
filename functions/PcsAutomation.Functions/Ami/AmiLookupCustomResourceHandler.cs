using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Ami.CustomResource;
using PcsAutomation.Domain.CustomResources;
using PcsAutomation.Functions.CustomResources;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Ami;

/// <summary>What the invocation did (CloudFormation reads only the PUT; this is for logs and tests).</summary>
public sealed record AmiLookupCustomResourceOutput(string Status, string PhysicalResourceId, string? AmiId, string? Reason, int ResponseAttempts);

/// <summary>
/// <c>AmiLookupCustomResource</c>: the provider of the guide's <c>Custom::AMILookup</c> resource (L1729-1757): reads the
/// CloudFormation request, decides (<see cref="AmiLookupDecision"/>), looks the PCS sample AMI up when it must
/// (<see cref="AmiLookup"/>, the same search and selection as <c>ami latest --channel sample</c>) and PUTs the response to
/// the request's <c>ResponseURL</c>. Every outcome that can be answered is answered, FAILED with the reason when anything
/// goes wrong, so a stack never waits for CloudFormation's timeout (AWS: "respond to CloudFormation with an error when a
/// function is about to time out", https://repost.aws/knowledge-center/best-practices-custom-cf-lambda): the lookup
/// stops <see cref="ResponseReserve"/> before the invocation's deadline. A request without a usable <c>ResponseURL</c>
/// cannot be answered: it is logged and the invocation fails (<see cref="UnanswerableCustomResourceRequestException"/>).
/// </summary>
[LambdaFunction(Policies = "Ec2DescribeImages")]
public sealed class AmiLookupCustomResourceHandler(AmiLookup lookup, CustomResourceResponder responder, TimeProvider time)
{
    /// <summary>Time kept after the lookup for the response PUT (and the runtime's own 1 s margin).</summary>
    public static readonly TimeSpan ResponseReserve = TimeSpan.FromSeconds(5);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new AmiLookupCustomResourceHandler(AmiLookup.Create(services), CustomResourceResponder.Shared, services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, AmiJsonContext.Strict.JsonElement, AmiJsonContext.Strict.AmiLookupCustomResourceOutput);
    }

    public async Task<AmiLookupCustomResourceOutput> HandleAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = CustomResourceRequestParser.Parse(input);
        if (!request.CanBeAnswered)
        {
            var why = $"The CloudFormation custom resource request cannot be answered (no usable ResponseURL), so its stack waits for CloudFormation's timeout: {string.Join("; ", request.Problems)}";
            context.Logger.LogError($"{why} (StackId {request.StackId ?? "unknown"}, LogicalResourceId {request.LogicalResourceId ?? "unknown"}, RequestId {request.RequestId ?? "unknown"})");
            throw new UnanswerableCustomResourceRequestException(why);
        }

        using var logical = context.Logger.BeginScope("logicalResourceId", request.LogicalResourceId ?? "unknown");
        using var type = context.Logger.BeginScope("requestType", request.RawRequestType ?? "unknown");
        var decision = AmiLookupDecision.Decide(request);
        var response = decision.Kind == AmiLookupDecisionKind.LookUp
            ? await LookUpAsync(request, decision, context).ConfigureAwait(false)
            : decision.Answer(request);

        var status = response.Status == CustomResourceStatus.Success ? "SUCCESS" : "FAILED";
        var message = $"{status} {response.PhysicalResourceId} to {request.ResponseUrlForLogs}: {response.Reason}";
        if (response.Status == CustomResourceStatus.Success) context.Logger.LogInformation(message);
        else context.Logger.LogWarning(message);

        var body = response.ToUtf8Json($" [cut to fit CloudFormation's 4096-byte response; the whole reason is in log stream {context.LogStreamName}]");
        using var deadline = new CancellationTokenSource(Max(context.RemainingTime, TimeSpan.FromSeconds(1)), time);
        int attempts;
        try
        {
            attempts = await responder.PutAsync(request.ResponseUrl!, body, deadline.Token).ConfigureAwait(false);
        }
        catch (CustomResourceResponseException e)
        {
            context.Logger.LogError($"{status} for {request.LogicalResourceId} not delivered: the stack waits for CloudFormation's timeout", e);
            throw;
        }
        return new AmiLookupCustomResourceOutput(status, response.PhysicalResourceId,
            response.Data?.GetValueOrDefault(AmiLookupDecision.AmiIdAttribute), response.Reason, attempts);
    }

    private async Task<CustomResourceResponse> LookUpAsync(CustomResourceRequest request, AmiLookupDecision decision, ILambdaContext context)
    {
        var key = decision.Key!;
        context.Logger.LogInformation(decision.Reason);
        var budget = context.RemainingTime - ResponseReserve;
        if (budget <= TimeSpan.Zero)
            return decision.Failed(request, $"Not looked up: the function had {Seconds(context.RemainingTime)} left, less than the {Seconds(ResponseReserve)} kept to answer CloudFormation; raise the function's Timeout");

        using var lookupTimeout = new CancellationTokenSource(budget, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lookupTimeout.Token, context.CancellationToken);
        try
        {
            var result = await lookup.LatestAsync(new AmiQuery(AmiChannel.Sample, key.SlurmVersion, key.Architecture), stop.Token).ConfigureAwait(false);
            var chosen = result.RequireChosen();
            return decision.Found(request, chosen.ImageId, chosen.Name, result.Selection.Rule, result.Selection.Notes);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return decision.Failed(request,
                $"The PCS sample AMI lookup for {key} (EC2 DescribeImages) did not finish within {Seconds(budget)}: stopped {Seconds(ResponseReserve)} before the function's timeout to answer CloudFormation; try again, or raise the function's Timeout");
        }
        catch (WorkflowError e) // NoEligibleAmi, TransientAwsError (throttled or 5xx after the client's retries), ...
        {
            return decision.Failed(request, $"The PCS sample AMI lookup for {key} failed: {e.Message}");
        }
        catch (AmazonServiceException e) // refused: access denied, bad request; the code and status, not a message that may quote the request
        {
            return decision.Failed(request,
                $"The PCS sample AMI lookup for {key} failed: EC2 DescribeImages answered {e.ErrorCode ?? "no error code"} (HTTP {(int)e.StatusCode}){(e.ErrorCode is "UnauthorizedOperation" or "AccessDenied" ? ": the function's role needs ec2:DescribeImages" : "")}");
        }
        catch (AmazonClientException e) // no answer at all (network, endpoint): the client's own message names it
        {
            return decision.Failed(request, $"The PCS sample AMI lookup for {key} failed: EC2 could not be reached ({e.GetType().Name}: {e.Message})");
        }
#pragma warning disable CA1031 // whatever else breaks must still be answered FAILED: an unanswered request hangs the stack for an hour
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Logger.LogError($"Unexpected failure of the PCS sample AMI lookup for {key}", e);
            return decision.Failed(request, $"The PCS sample AMI lookup for {key} failed unexpectedly: {e.GetType().Name}: {e.Message}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
