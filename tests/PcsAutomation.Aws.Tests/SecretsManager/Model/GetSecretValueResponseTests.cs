using System.Text;
using System.Text.Json;
using PcsAutomation.Aws.SecretsManager.Internal;
using PcsAutomation.Aws.SecretsManager.Model;

namespace PcsAutomation.Aws.Tests.SecretsManager.Model;

public class GetSecretValueResponseTests
{
    private const string Json = """
        {"ARN":"arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-key-AbCdEf","Name":"pcs!slurm-key",
         "VersionId":"v-1","SecretString":"super-secret-slurm-key","SecretBinary":"c2VjcmV0LWJ5dGVz",
         "VersionStages":["AWSCURRENT"],"CreatedDate":1732536000.5}
        """;

    [Fact]
    public void ToString_SecretMembers_Redacted()
    {
        var response = JsonSerializer.Deserialize(Json, SecretsManagerJsonContext.Default.GetSecretValueResponse)!;

        var text = response.ToString();

        Assert.DoesNotContain("super-secret-slurm-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWJ5dGVz", text, StringComparison.Ordinal);
        Assert.Contains("SecretString = *** Sensitive Data Redacted ***", text, StringComparison.Ordinal);
        Assert.Contains("SecretBinary = *** Sensitive Data Redacted ***", text, StringComparison.Ordinal);
        Assert.Contains("Name = pcs!slurm-key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BinaryAndTimestamp_DecodedAndRoundTripped()
    {
        var response = JsonSerializer.Deserialize(Json, SecretsManagerJsonContext.Default.GetSecretValueResponse)!;

        Assert.Equal("secret-bytes", Encoding.UTF8.GetString(response.SecretBinary!.ToArray()));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_732_536_000_500), response.CreatedDate);
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(response, SecretsManagerJsonContext.Default.GetSecretValueResponse));
        Assert.Equal("c2VjcmV0LWJ5dGVz", written.RootElement.GetProperty("SecretBinary").GetString());
        Assert.Equal(1732536000.5m, written.RootElement.GetProperty("CreatedDate").GetDecimal());
    }

    [Fact]
    public void ToString_NoSecret_SaysNull()
    {
        var text = new GetSecretValueResponse { Name = "n" }.ToString();

        Assert.Contains("SecretString = null", text, StringComparison.Ordinal);
    }
}
