using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Ami;

/// <summary>What a lookup asked EC2 (and SSM), what the parameter held, and the Domain's choice with its reasons.</summary>
public sealed record AmiLookupResult(AmiQuery Query, AmiSearch Search, string? ParameterValue, AmiSelectionResult Selection)
{
    /// <summary>The chosen image, or <see cref="NoEligibleAmi"/> giving the search and every rejection.</summary>
    public AmiImage RequireChosen() =>
        Selection.Chosen ?? throw new NoEligibleAmi(
            $"{Selection.Rule}: {(Selection.Rejected.Count == 0 ? "EC2 answered no image" : string.Join("; ", Selection.Rejected.Select(r => $"{r.ImageId} {r.Rule}: {r.Reason}")))}");
}

/// <summary>
/// The I/O of AMI lookups, thin around <see cref="AmiSearch"/>, <see cref="AmiSelection"/> and
/// <see cref="GroupArchitecture"/>: DescribeImages (every page), SSM GetParameter for <c>ssm:</c> channels,
/// DescribeInstanceTypes. Transient failures become <see cref="TransientAwsError"/>; the rest are named errors.
/// </summary>
public sealed class AmiLookup(IAmazonEC2 ec2, IAmazonSimpleSystemsManagement ssm, TimeProvider time)
{
    public static AmiLookup Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new AmiLookup(services.Aws.CreateEc2(), services.Aws.CreateSsm(), services.Time);
    }

    /// <summary>Parses channel text for a handler or the CLI: <see cref="InvalidAmiChannel"/> quoting it when invalid.</summary>
    public static AmiChannel ParseChannel(string? text, string? owner = null)
    {
        try
        {
            return AmiChannelParser.Parse(text, owner);
        }
        catch (AmiChannelException e)
        {
            throw new InvalidAmiChannel(e.Message, e);
        }
    }

    /// <summary>The newest eligible image of the query's channel (or none, with every reason), judged at the clock's now.</summary>
    public async Task<AmiLookupResult> LatestAsync(AmiQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = AmiSearch.For(query);
        string? parameterValue = null;
        IReadOnlyList<AmiImage> candidates;
        if (search.ParameterName is { } parameter)
        {
            parameterValue = await GetParameterAsync(parameter, cancellationToken).ConfigureAwait(false);
            if (AmiIds.Problem(parameterValue) is { } problem)
                throw new InvalidAmiId($"SSM parameter {parameter} holds {problem}");
            candidates = [await DescribeAsync(parameterValue, cancellationToken).ConfigureAwait(false)];
        }
        else
        {
            candidates = await DescribeImagesAsync(search, cancellationToken).ConfigureAwait(false);
        }
        return new AmiLookupResult(query, search, parameterValue, AmiSelection.Select(query, candidates, time.GetUtcNow(), parameterValue));
    }

    /// <summary>One image by id, deprecated or not (EC2 returns those when asked by id): <see cref="InvalidAmiId"/>, <see cref="AmiNotFound"/>.</summary>
    public Task<AmiImage> DescribeAsync(string amiId, CancellationToken cancellationToken)
    {
        if (AmiIds.Problem(amiId) is { } problem)
            throw new InvalidAmiId(problem);
        return AwsCalls.RunAsync("EC2.DescribeImages", amiId, async () =>
        {
            try
            {
                var response = await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [amiId], IncludeDeprecated = true }, cancellationToken)
                    .ConfigureAwait(false);
                var image = response.Images?.FirstOrDefault(i => i.ImageId == amiId)
                    ?? throw new AmiNotFound($"EC2 does not show image {amiId} (deregistered, or not shared with this account).");
                return ToRecord(image);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode is "InvalidAMIID.NotFound" or "InvalidAMIID.Unavailable")
            {
                throw new AmiNotFound($"EC2 does not know image {amiId} ({e.ErrorCode}).", e);
            }
        }, cancellationToken);
    }

    /// <summary>The group's architecture from its instance types (DescribeInstanceTypes); <see cref="UnknownInstanceType"/> when EC2 refuses one.</summary>
    public Task<ArchitectureDecision> GroupArchitectureAsync(IReadOnlyList<string> instanceTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceTypes);
        var types = instanceTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (types.Count == 0)
            return Task.FromResult(GroupArchitecture.Decide(types, new Dictionary<string, IReadOnlyList<string>>()));
        return AwsCalls.RunAsync("EC2.DescribeInstanceTypes", string.Join(",", types), async () =>
        {
            var supported = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            try
            {
                string? next = null;
                do
                {
                    var response = await ec2.DescribeInstanceTypesAsync(
                        new DescribeInstanceTypesRequest { InstanceTypes = types, NextToken = next }, cancellationToken).ConfigureAwait(false);
                    foreach (var info in response.InstanceTypes ?? [])
                        supported[info.InstanceType.Value] = info.ProcessorInfo?.SupportedArchitectures ?? [];
                    next = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
                }
                while (next is not null);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidInstanceType")
            {
                throw new UnknownInstanceType($"EC2 does not know instance type(s) among {string.Join(", ", types)}: {e.Message}", e);
            }
            return GroupArchitecture.Decide(types, supported);
        }, cancellationToken);
    }

    private Task<IReadOnlyList<AmiImage>> DescribeImagesAsync(AmiSearch search, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync<IReadOnlyList<AmiImage>>("EC2.DescribeImages", string.Join(" ", search.Filters.Select(f => $"{f.Name}={string.Join(",", f.Values)}")), async () =>
        {
            var images = new List<AmiImage>();
            string? next = null;
            do
            {
                var response = await ec2.DescribeImagesAsync(new DescribeImagesRequest
                {
                    Owners = [.. search.Owners],
                    Filters = [.. search.Filters.Select(f => new Filter(f.Name, [.. f.Values]))],
                    IncludeDeprecated = search.IncludeDeprecated,
                    MaxResults = 1000, // paginated requests, as EC2 recommends for DescribeImages
                    NextToken = next,
                }, cancellationToken).ConfigureAwait(false);
                images.AddRange((response.Images ?? []).Select(ToRecord));
                next = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (next is not null);
            return images;
        }, cancellationToken);

    private Task<string> GetParameterAsync(string name, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("SSM.GetParameter", name, async () =>
        {
            try
            {
                var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
                return response.Parameter?.Value ?? "";
            }
            catch (ParameterNotFoundException e)
            {
                throw new AmiParameterNotFound($"SSM parameter {name} does not exist (or this role cannot read it).", e);
            }
        }, cancellationToken);

    private static AmiImage ToRecord(Image image) =>
        new(image.ImageId,
            image.Name,
            image.Description,
            image.Architecture?.Value,
            image.OwnerId,
            image.ImageOwnerAlias,
            image.State?.Value,
            Timestamp(image.CreationDate),
            Timestamp(image.DeprecationTime),
            (image.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    // EC2 answers ISO 8601 text (2026-01-05T08:00:00.000Z); unreadable text is null, which the selection reports.
    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
