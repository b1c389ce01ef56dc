using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace PcsAutomation.Functions.Workflows;

/// <summary>A launch template's name and latest version number (DescribeLaunchTemplates).</summary>
internal sealed record LaunchTemplateFacts(string Name, long? LatestVersion);

/// <summary>
/// The launch template I/O every workflow shares: the facts a plan reads (name, a version's image, its capacity
/// reservation target), and a new version from an existing one with one setting changed: the <c>ImageId</c> (an AMI
/// roll-out) or the <c>CapacityReservationId</c> (a Capacity Block successor). PCS uses a new version only once the group
/// is updated to it (guide L2661, L3886). EC2 errors for an unknown template or version are answered as "unknown"
/// (null), not thrown.
/// </summary>
internal sealed class LaunchTemplates(IAmazonEC2 ec2)
{
    private static readonly string[] NotFoundCodes = ["InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateId.VersionNotFound", "InvalidLaunchTemplateId.Malformed"];

    public Task<LaunchTemplateFacts?> DescribeAsync(string templateId, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.DescribeLaunchTemplates", templateId, async () =>
        {
            try
            {
                var response = await ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [templateId] }, cancellationToken)
                    .ConfigureAwait(false);
                return response.LaunchTemplates?.FirstOrDefault() is { } template ? new LaunchTemplateFacts(template.LaunchTemplateName, template.LatestVersionNumber) : null;
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode is "InvalidLaunchTemplateId.NotFound" or "InvalidLaunchTemplateId.Malformed")
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>The <c>ImageId</c> of one version (null when the version has none, or does not exist).</summary>
    public async Task<string?> ImageOfVersionAsync(string templateId, string version, CancellationToken cancellationToken) =>
        (await DataOfVersionAsync(templateId, version, cancellationToken).ConfigureAwait(false))?.ImageId;

    /// <summary>One version's launch template data (image, capacity reservation, market options); null when the template or version does not exist.</summary>
    public Task<ResponseLaunchTemplateData?> DataOfVersionAsync(string templateId, string version, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.DescribeLaunchTemplateVersions", $"{templateId}:{version}", async () =>
        {
            try
            {
                var response = await ec2.DescribeLaunchTemplateVersionsAsync(
                    new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = templateId, Versions = [version] }, cancellationToken).ConfigureAwait(false);
                return response.LaunchTemplateVersions?.FirstOrDefault()?.LaunchTemplateData;
            }
            catch (AmazonEC2Exception e) when (NotFoundCodes.Contains(e.ErrorCode, StringComparer.Ordinal))
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>
    /// A new version of <paramref name="templateId"/>: <paramref name="sourceVersion"/> with <paramref name="imageId"/>.
    /// The client token makes a retried step get the same version back, not a second one (EC2 CreateLaunchTemplateVersion ClientToken).
    /// </summary>
    public Task<string> CreateVersionAsync(string templateId, string sourceVersion, string imageId, string clientToken, CancellationToken cancellationToken) =>
        CreateAsync(templateId, sourceVersion, new RequestLaunchTemplateData { ImageId = imageId }, $"pcs-automation: version {sourceVersion} with {imageId}", clientToken, cancellationToken);

    /// <summary>
    /// A new version of <paramref name="templateId"/>: <paramref name="sourceVersion"/> whose
    /// <c>CapacityReservationSpecification.CapacityReservationTarget</c> names <paramref name="reservationId"/> (guide
    /// L3437-3439: a Capacity Block group's template names its block); the source's other settings, its
    /// <c>InstanceMarketOptions.MarketType</c> capacity-block included, are kept (SourceVersion, EC2
    /// CreateLaunchTemplateVersion). Same client token, same version.
    /// </summary>
    public Task<string> CreateVersionWithReservationAsync(string templateId, string sourceVersion, string reservationId, string clientToken, CancellationToken cancellationToken) =>
        CreateAsync(templateId, sourceVersion, new RequestLaunchTemplateData
        {
            CapacityReservationSpecification = new LaunchTemplateCapacityReservationSpecificationRequest
            {
                CapacityReservationTarget = new CapacityReservationTarget { CapacityReservationId = reservationId },
            },
        }, $"pcs-automation: version {sourceVersion} on Capacity Block {reservationId}", clientToken, cancellationToken);

    private Task<string> CreateAsync(
        string templateId, string sourceVersion, RequestLaunchTemplateData data, string description, string clientToken, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.CreateLaunchTemplateVersion", templateId, async () =>
        {
            var response = await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
            {
                LaunchTemplateId = templateId,
                SourceVersion = sourceVersion,
                ClientToken = clientToken,
                VersionDescription = description,
                LaunchTemplateData = data,
            }, cancellationToken).ConfigureAwait(false);
            return response.LaunchTemplateVersion?.VersionNumber is { } number
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"EC2.CreateLaunchTemplateVersion on {templateId} answered without a version number.");
        }, cancellationToken);
}
