using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

/// <summary>A scenario's images and parameters are validated like the rest of the file: file, line, item and what is wrong.</summary>
public class ScenarioImagesTests
{
    private static ScenarioException Fails(string yaml) => Assert.Throws<ScenarioException>(() => ScenarioFile.Parse(yaml, "bad.yaml"));

    private static string Image(string key, string value) => $"""
        images:
          - name: team-pcs-v1
            {key}: {value}
        """;

    [Theory]
    [InlineData("architecture", "amd64", "'amd64' is not one of i386, x86_64, arm64")]
    [InlineData("state", "building", "'building' is not one of pending, available")]
    [InlineData("owner", "amazn", "'amazn' is not self, amazon or a 12-digit account id")]
    [InlineData("id", "ami-XYZ", "'ami-XYZ' is not an AMI id")]
    [InlineData("created", "yesterday", "yesterday")]
    [InlineData("deprecated", "soon", "soon")]
    public void Parse_ImageWithBadValue_ProblemAtItsLineNamingTheImage(string key, string value, string expected)
    {
        var error = Fails(Image(key, value));

        Assert.StartsWith("bad.yaml:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("image 'team-pcs-v1'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("team|pcs")]
    public void Parse_ImageNameEc2WouldRefuse_Problem(string name)
    {
        var error = Fails($"""
            images:
              - name: "{name}"
            """);

        Assert.Contains("an AMI name is 3-128 letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoImagesSameNameAndOwner_Problem()
    {
        var error = Fails("""
            images:
              - name: team-pcs-v1
              - name: team-pcs-v1
            """);

        Assert.StartsWith("bad.yaml:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("another image of the same owner has this name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParameterNamingNoImage_Problem()
    {
        var error = Fails("""
            images:
              - name: team-pcs-v1
            parameters:
              - name: /team/ami
                image: team-pcs-v2
            """);

        Assert.Contains("parameter '/team/ami': no image named 'team-pcs-v2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidImages_Accepted()
    {
        var scenario = ScenarioFile.Parse("""
            images:
              - name: team-pcs-v1
                state: pending
                owner: "444455556666"
                architecture: arm64
                deprecated: +2d
                tags:
                  pcs-automation:slurm-versions: 25.05,25.11
              - name: team-pcs-v1
                owner: self
            """, "ok.yaml");

        Assert.Equal(["pending", "available"], scenario.Images.Select(i => i.State));
    }
}
