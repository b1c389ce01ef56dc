using System.Net;
using System.Text.Json;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Internal;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Aws.Tests.Conformance;

namespace PcsAutomation.Aws.Tests.SecretsManager;

public class AmazonSecretsManagerClientTests
{
    [Fact]
    public async Task RotateSecretAsync_NoClientRequestToken_SendsNewGuid()
    {
        var invoker = new RecordingInvoker();

        await new AmazonSecretsManagerClient(invoker).RotateSecretAsync(new RotateSecretRequest { SecretId = "pcs!slurm-key" });

        var sent = Assert.IsType<RotateSecretRequest>(Assert.Single(invoker.Calls).Request);
        Assert.True(Guid.TryParse(sent.ClientRequestToken, out _));
    }

    [Fact]
    public void ListSecretsRequest_WithTagFilter_SerializesModelNamesAndFilterKey()
    {
        var request = new ListSecretsRequest
        {
            Filters = [new Filter { Key = FilterNameStringType.TagKey, Values = ["pcs-automation:managed"] }],
            SortOrder = SortOrderType.Asc,
        };

        var json = JsonSerializer.Serialize(request, SecretsManagerJsonContext.Default.ListSecretsRequest);

        Assert.Equal("""{"Filters":[{"Key":"tag-key","Values":["pcs-automation:managed"]}],"SortOrder":"asc"}""", json);
    }

    [Fact]
    public async Task ListSecretsPaginator_ThreePages_YieldsSecretsInOrder()
    {
        var invoker = new RecordingInvoker().Returns(
            new ListSecretsResponse { SecretList = [new SecretListEntry { Name = "a" }], NextToken = "t1" },
            new ListSecretsResponse { SecretList = [new SecretListEntry { Name = "b" }], NextToken = "t2" },
            new ListSecretsResponse { SecretList = [new SecretListEntry { Name = "c" }] });
        var paginator = new AmazonSecretsManagerClient(invoker).Paginators.ListSecrets(new ListSecretsRequest());

        var names = new List<string?>();
        await foreach (var secret in paginator.SecretList)
            names.Add(secret.Name);

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal([null, "t1", "t2"], invoker.Calls.Select(c => ((ListSecretsRequest)c.Request).NextToken));
    }

    [Fact]
    public async Task ListSecretVersionIdsPaginator_PageWithoutVersions_SkippedUntilTokenEnds()
    {
        var invoker = new RecordingInvoker().Returns(
            new ListSecretVersionIdsResponse { Versions = [new SecretVersionsListEntry { VersionId = "v1" }], NextToken = "t1" },
            new ListSecretVersionIdsResponse { NextToken = "t2" },
            new ListSecretVersionIdsResponse { Versions = [new SecretVersionsListEntry { VersionId = "v2" }] });
        var paginator = new AmazonSecretsManagerClient(invoker).Paginators.ListSecretVersionIds(
            new ListSecretVersionIdsRequest { SecretId = "pcs!slurm-key", IncludeDeprecated = true });

        var versions = new List<string?>();
        await foreach (var version in paginator.Versions)
            versions.Add(version.VersionId);

        Assert.Equal(["v1", "v2"], versions);
        Assert.Equal(3, invoker.Calls.Count);
    }

    [Theory]
    [InlineData("InternalServiceError", typeof(InternalServiceErrorException))]
    [InlineData("DecryptionFailure", typeof(DecryptionFailureException))]
    [InlineData("InvalidRequestException", typeof(InvalidRequestException))]
    [InlineData("ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData("SomethingNew", typeof(AmazonSecretsManagerException))]
    public void FromErrorResponse_Code_MapsToModelledType(string code, Type expected)
    {
        var error = AmazonSecretsManagerException.FromErrorResponse(
            new AwsErrorResponse(code, "msg", HttpStatusCode.BadRequest, "req-1", """{"__type":"x","Message":"msg"}"""));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((code, "req-1"), (error.ErrorCode, error.RequestId));
    }
}
