using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>A launch template's name and latest version number (DescribeLaunchTemplates).</summary>
internal sealed record LaunchTemplateFacts(string Name, long? LatestVersion);

/// <summary>
/// The launch template I/O of a roll-out: the facts the plan reads, and the new version a template-driven group gets
/// (the current version with the new <c>ImageId</c>: PCS uses a new version only once the group is updated to it,
/// guide L2661, L3886). EC2 errors for an unknown template or version are answered as "unknown" (null), not thrown.
/// </summary>
internal sealed class LaunchTemplates(IAmazonEC2 ec2)
{
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
    public Task<string?> ImageOfVersionAsync(string templateId, string version, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.DescribeLaunchTemplateVersions", $"{templateId}:{version}", async () =>
        {
            try
            {
                var response = await ec2.DescribeLaunchTemplateVersionsAsync(
                    new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = templateId, Versions = [version] }, cancellationToken).ConfigureAwait(false);
                return response.LaunchTemplateVersions?.FirstOrDefault()?.LaunchTemplateData?.ImageId;
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode is "InvalidLaunchTemplateId.NotFound" or "InvalidLaunchTemplateId.VersionNotFound" or "InvalidLaunchTemplateId.Malformed")
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>
    /// A new version of <paramref name="templateId"/>: <paramref name="sourceVersion"/> with <paramref name="imageId"/>.
    /// The client token makes a retried step get the same version back, not a second one (EC2 CreateLaunchTemplateVersion ClientToken).
    /// </summary>
    public Task<string> CreateVersionAsync(string templateId, string sourceVersion, string imageId, string clientToken, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.CreateLaunchTemplateVersion", templateId, async () =>
        {
            var response = await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
            {
                LaunchTemplateId = templateId,
                SourceVersion = sourceVersion,
                ClientToken = clientToken,
                VersionDescription = $"pcs-automation: version {sourceVersion} with {imageId}",
                LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId },
            }, cancellationToken).ConfigureAwait(false);
            return response.LaunchTemplateVersion?.VersionNumber is { } number
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"EC2.CreateLaunchTemplateVersion on {templateId} answered without a version number.");
        }, cancellationToken);
}
