namespace PcsAutomation.Domain.Ami.CustomResource;

/// <summary>
/// The physical resource id of a <c>Custom::AMILookup</c> resource, which is also its only state:
/// <c>pcs-ami-lookup/&lt;os&gt;/&lt;arch&gt;/slurm-&lt;major&gt;/&lt;ami-id&gt;/&lt;request-id&gt;</c>. CloudFormation sends it
/// back with every Update and Delete (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes.html),
/// so an Update with the same properties answers the same AMI without looking up again, and needs no table. The Create
/// request's id makes it unique to the resource (the provider's id "should be unique", at most 1 KB, never empty:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html).
/// </summary>
public static class AmiLookupResourceId
{
    public const string Prefix = "pcs-ami-lookup";

    /// <summary>Room kept for the request id, well under the 1 KB limit with the rest (at most ~60 characters).</summary>
    private const int MaxRequestIdLength = 256;

    public static string For(SampleAmiKey key, string amiId, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(amiId);
        return $"{Prefix}/{key.OperatingSystem}/{key.Architecture}/slurm-{key.SlurmVersion}/{amiId}/{Suffix(requestId)}";
    }

    /// <summary>
    /// The id answered with a failed Create: never empty (CloudFormation requires one) and recognisably not an AMI's, so
    /// the Delete that follows the rollback is answered like any other.
    /// </summary>
    public static string ForFailedCreate(string? requestId) => $"{Prefix}/failed/{Suffix(requestId)}";

    /// <summary>Reads an id <see cref="For"/> wrote; false for anything else (another provider's id, a failed Create's).</summary>
    public static bool TryRead(string? physicalResourceId, out SampleAmiKey key, out string amiId)
    {
        key = null!;
        amiId = "";
        var parts = physicalResourceId?.Split('/', 6);
        if (parts is not { Length: 6 } || parts[0] != Prefix || parts[5].Length == 0)
            return false;
        var (os, architecture, slurm, ami) = (parts[1], parts[2], parts[3], parts[4]);
        if (!slurm.StartsWith("slurm-", StringComparison.Ordinal) || !SlurmVersion.TryParse(slurm["slurm-".Length..], out var version))
            return false;
        if (os != SampleAmiNames.OperatingSystemFor(version) || architecture is not (CpuArchitectures.X8664 or CpuArchitectures.Arm64) || !AmiIds.IsValid(ami))
            return false;
        key = new SampleAmiKey(os, architecture, version);
        amiId = ami;
        return true;
    }

    private static string Suffix(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? "no-request-id" : requestId.Length > MaxRequestIdLength ? requestId[..MaxRequestIdLength] : requestId;
}
