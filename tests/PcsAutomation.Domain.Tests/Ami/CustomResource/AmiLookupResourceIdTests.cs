using System.Text;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Ami.CustomResource;

namespace PcsAutomation.Domain.Tests.Ami.CustomResource;

public class AmiLookupResourceIdTests
{
    private const string Ami = "ami-0123456789abcdef0";

    [Theory]
    [InlineData("al2023", "x86_64", "25.11")]
    [InlineData("amzn2", "arm64", "25.05")]
    [InlineData("amzn2", "x86_64", "23.11")]
    public void For_ReadBack_SameKeyAndAmi(string os, string architecture, string slurm)
    {
        var key = new SampleAmiKey(os, architecture, SlurmVersion.Parse(slurm));

        var id = AmiLookupResourceId.For(key, Ami, "5d478078-13e9-baf0-464a-7ef285ecc786");

        Assert.Equal($"pcs-ami-lookup/{os}/{architecture}/slurm-{slurm}/{Ami}/5d478078-13e9-baf0-464a-7ef285ecc786", id);
        Assert.True(AmiLookupResourceId.TryRead(id, out var read, out var ami));
        Assert.Equal((key, Ami), (read, ami));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pcs-ami-lookup/failed/5d478078")] // a failed Create's
    [InlineData("2026/01/05/[$LATEST]0123456789abcdef")] // cfn-response's default: a log stream name
    [InlineData("pcs-ami-lookup/amzn2/x86_64/slurm-25.11/ami-0123456789abcdef0/r")] // an OS the version's samples do not run
    [InlineData("pcs-ami-lookup/al2023/x86/slurm-25.11/ami-0123456789abcdef0/r")]
    [InlineData("pcs-ami-lookup/al2023/x86_64/slurm-25.11/ami-XYZ/r")]
    [InlineData("pcs-ami-lookup/al2023/x86_64/25.11/ami-0123456789abcdef0/r")]
    [InlineData("pcs-ami-lookup/al2023/x86_64/slurm-25.11/ami-0123456789abcdef0/")]
    [InlineData("other/al2023/x86_64/slurm-25.11/ami-0123456789abcdef0/r")]
    public void TryRead_NotWrittenByFor_False(string? id) =>
        Assert.False(AmiLookupResourceId.TryRead(id, out _, out _));

    [Fact] // crpg-ref-responses.html: up to 1 KB
    public void For_HugeRequestId_StaysUnderOneKilobyte()
    {
        var id = AmiLookupResourceId.For(new SampleAmiKey("al2023", "x86_64", new SlurmVersion(25, 11)), Ami, new string('r', 5000));

        Assert.InRange(Encoding.UTF8.GetByteCount(id), 1, 1024);
        Assert.True(AmiLookupResourceId.TryRead(id, out _, out _));
    }

    [Theory]
    [InlineData("5d478078", "pcs-ami-lookup/failed/5d478078")]
    [InlineData(null, "pcs-ami-lookup/failed/no-request-id")]
    public void ForFailedCreate_NeverEmpty(string? requestId, string expected) =>
        Assert.Equal(expected, AmiLookupResourceId.ForFailedCreate(requestId));
}
