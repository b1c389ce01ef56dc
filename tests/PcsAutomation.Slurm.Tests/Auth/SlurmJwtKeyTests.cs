using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Auth;

public sealed class SlurmJwtKeyTests
{
    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData("   ")]
    public void FromSecretString_NotABase64Key_ThrowsNamingTheSecretNotTheValue(string value)
    {
        var error = Assert.Throws<SlurmKeyFormatException>(() => SlurmJwtKey.FromSecretString(value, TestKeys.SecretArn, "v7"));

        Assert.Contains(TestKeys.SecretArn, error.Message, StringComparison.Ordinal);
        Assert.Contains("version v7", error.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(value))
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringAndDebuggerDisplay_NeverShowTheKey()
    {
        var key = SlurmJwtKey.FromSecretString(TestKeys.FixedBase64, TestKeys.SecretArn, "v7");

        var text = key.ToString();

        Assert.Contains(TestKeys.SecretArn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.FixedBase64, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.FixedBase64.TrimEnd('='), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(TestKeys.FixedBytes), text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("{ToString(),nq}", SlurmJwtMinterTests.DebuggerDisplayOf(typeof(SlurmJwtKey)));
    }

    [Fact]
    public void SameKeyAs_SameAndOtherBytes_ComparesTheBytes()
    {
        var a = TestKeys.Key(TestKeys.OldBytes, "v1");

        Assert.True(a.SameKeyAs(TestKeys.Key(TestKeys.OldBytes, "v2")));
        Assert.False(a.SameKeyAs(TestKeys.Key(TestKeys.NewBytes, "v1")));
    }
}
