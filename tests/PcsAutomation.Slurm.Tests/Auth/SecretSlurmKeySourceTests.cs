using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Auth;

public sealed class SecretSlurmKeySourceTests
{
    [Fact]
    public async Task ReadAsync_ClusterNamesAVersion_ReadsThatVersion()
    {
        var secrets = new FakeSecrets { Current = TestKeys.Base64(TestKeys.NewBytes) }.WithVersion("v-old", TestKeys.Base64(TestKeys.OldBytes));
        var source = new SecretSlurmKeySource(TestKeys.Reference("v-old"), secrets);

        var key = await source.ReadAsync(CancellationToken.None);

        Assert.True(key.SameKeyAs(TestKeys.Key(TestKeys.OldBytes)));
        Assert.Equal("v-old", key.SecretVersion);
        Assert.Equal([(TestKeys.SecretArn, (string?)"v-old")], secrets.Reads);
    }

    [Fact]
    public async Task ReadCurrentAsync_AfterARefusal_ReadsAwsCurrentWithoutAVersion()
    {
        var secrets = new FakeSecrets { Current = TestKeys.Base64(TestKeys.NewBytes) }.WithVersion("v-old", TestKeys.Base64(TestKeys.OldBytes));
        var source = new SecretSlurmKeySource(TestKeys.Reference("v-old"), secrets);

        var key = await source.ReadCurrentAsync(CancellationToken.None);

        Assert.True(key.SameKeyAs(TestKeys.Key(TestKeys.NewBytes)));
        Assert.Null(key.SecretVersion);
        Assert.Equal([(TestKeys.SecretArn, (string?)null)], secrets.Reads);
    }

    [Fact]
    public async Task ReadAsync_NoSecretString_ThrowsNamingTheSecret()
    {
        var source = new SecretSlurmKeySource(TestKeys.Reference("v-old"), new FakeSecrets().WithVersion("v-old", null));

        var error = await Assert.ThrowsAsync<SlurmKeyFormatException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains(TestKeys.SecretArn, error.Message, StringComparison.Ordinal);
        Assert.Contains("no SecretString", error.Message, StringComparison.Ordinal);
    }
}
