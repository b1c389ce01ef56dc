using System.Globalization;
using PcsAutomation.Domain.CustomResources;

namespace PcsAutomation.Domain.Ami.CustomResource;

/// <summary>What a request needs: a lookup, or an answer known without one.</summary>
public enum AmiLookupDecisionKind
{
    /// <summary>Create, or Update with other properties: DescribeImages, then a new physical id (a replacement).</summary>
    LookUp,

    /// <summary>Update with the same properties: the AMI already answered, same physical id, no AWS call.</summary>
    Keep,

    /// <summary>Delete: nothing to remove, SUCCESS without any AWS call.</summary>
    Delete,

    /// <summary>A malformed request or bad properties: FAILED naming every problem, without any AWS call.</summary>
    Refuse,
}

/// <summary>
/// The decision for one <c>Custom::AMILookup</c> request, made from the request alone (no I/O), and the response each
/// outcome sends. <see cref="PhysicalResourceId"/> is what is answered unless a lookup succeeds: the kept id, the
/// Delete's, or the id a failure must answer (an Update's failure keeps the resource's id; a failed Create gets
/// <see cref="AmiLookupResourceId.ForFailedCreate"/>).
/// </summary>
public sealed record AmiLookupDecision(
    AmiLookupDecisionKind Kind,
    SampleAmiKey? Key,
    bool OperatingSystemDerived,
    string? AmiId,
    string PhysicalResourceId,
    string Reason)
{
    public const string AmiIdAttribute = "AmiId";

    /// <summary>
    /// Delete always succeeds, whatever its properties (the lookup creates nothing, and a FAILED Delete would block the
    /// stack's deletion). A request without a usable type or envelope is refused. Update keeps the AMI when the
    /// properties name the same sample AMI as the physical id it sends back (ServiceToken and ServiceTimeout are not
    /// compared; an omitted OperatingSystem equals the version's own), so a stack update never drifts to a newer image
    /// silently; other properties (or a physical id this lookup did not write) look up again.
    /// </summary>
    public static AmiLookupDecision Decide(CustomResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failedCreateId = AmiLookupResourceId.ForFailedCreate(request.RequestId);
        if (request.RequestType == CustomResourceRequestType.Delete)
            return new(AmiLookupDecisionKind.Delete, null, false, null, request.PhysicalResourceId ?? failedCreateId,
                "Deleted: the AMI lookup creates no AWS resource, so there is nothing to remove");

        var answerAs = request.RequestType == CustomResourceRequestType.Update ? request.PhysicalResourceId ?? failedCreateId : failedCreateId;
        if (request.RequestType is null || request.Problems.Count > 0)
            return Refuse(answerAs, $"the CloudFormation request is malformed: {string.Join("; ", request.Problems)}");

        var properties = AmiLookupProperties.Parse(request.ResourceProperties);
        if (properties.Key is not { } key)
            return Refuse(answerAs, $"Custom::AMILookup properties: {string.Join("; ", properties.Problems)}");
        if (request.RequestType == CustomResourceRequestType.Create)
            return new(AmiLookupDecisionKind.LookUp, key, properties.OperatingSystemDerived, null, answerAs, $"Create: look up the PCS sample AMI for {key}");

        if (AmiLookupResourceId.TryRead(request.PhysicalResourceId, out var previous, out var previousAmi))
        {
            return previous == key
                ? new(AmiLookupDecisionKind.Keep, key, properties.OperatingSystemDerived, previousAmi, request.PhysicalResourceId!,
                    $"Kept {previousAmi}: the properties still name the PCS sample AMI for {key}, so the stack keeps the image it was given (no new lookup, no silent drift); change a property or replace the resource to look up again")
                : new(AmiLookupDecisionKind.LookUp, key, properties.OperatingSystemDerived, null, answerAs,
                    $"Update: the properties changed from {previous} to {key}, so the AMI is looked up again (a new physical id: CloudFormation replaces the resource)");
        }
        return new(AmiLookupDecisionKind.LookUp, key, properties.OperatingSystemDerived, null, answerAs,
            "Update: the physical id was not written by this lookup, so the AMI is looked up again (a new physical id)");
    }

    /// <summary>The answer when no lookup is needed (<see cref="AmiLookupDecisionKind.Keep"/>, <see cref="AmiLookupDecisionKind.Delete"/>, <see cref="AmiLookupDecisionKind.Refuse"/>).</summary>
    public CustomResourceResponse Answer(CustomResourceRequest request) => Kind switch
    {
        AmiLookupDecisionKind.Keep => CustomResourceResponse.Success(request, PhysicalResourceId, Data(Key!, AmiId!), Reason),
        AmiLookupDecisionKind.Delete => CustomResourceResponse.Success(request, PhysicalResourceId, null, Reason),
        AmiLookupDecisionKind.Refuse => CustomResourceResponse.Failed(request, PhysicalResourceId, Reason),
        _ => throw new InvalidOperationException("A lookup is answered with Found or Failed, once it is done."),
    };

    /// <summary>The lookup chose <paramref name="amiId"/> (named <paramref name="amiName"/>) because of <paramref name="rule"/>, with the selection's notes.</summary>
    public CustomResourceResponse Found(CustomResourceRequest request, string amiId, string? amiName, string rule, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notes);
        var key = Key ?? throw new InvalidOperationException("Only a lookup finds an AMI.");
        var derived = OperatingSystemDerived
            ? $" {AmiLookupProperties.OperatingSystem} {key.OperatingSystem} comes from Slurm {key.SlurmVersion} (guide L5574)."
            : "";
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{amiId} ({amiName ?? "no name"}): {rule}.{derived}{string.Concat(notes.Select(n => " " + n))}");
        return CustomResourceResponse.Success(request, AmiLookupResourceId.For(key, amiId, request.RequestId), Data(key, amiId), reason);
    }

    /// <summary>The lookup failed: FAILED with <see cref="PhysicalResourceId"/> and the reason, never a hung stack.</summary>
    public CustomResourceResponse Failed(CustomResourceRequest request, string reason) =>
        CustomResourceResponse.Failed(request, PhysicalResourceId, reason);

    /// <summary>
    /// What <c>Fn::GetAtt</c> reads: <c>AmiId</c> (the guide's attribute, L1692, L1712) and, for the template's own
    /// checks, the OS, architecture and Slurm version it was looked up for.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Data(SampleAmiKey key, string amiId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AmiIdAttribute] = amiId,
            [AmiLookupProperties.OperatingSystem] = key.OperatingSystem,
            [AmiLookupProperties.Architecture] = key.Architecture,
            [AmiLookupProperties.SlurmVersion] = key.SlurmVersion.ToString(),
        };
    }

    private static AmiLookupDecision Refuse(string physicalResourceId, string reason) =>
        new(AmiLookupDecisionKind.Refuse, null, false, null, physicalResourceId, reason);
}
