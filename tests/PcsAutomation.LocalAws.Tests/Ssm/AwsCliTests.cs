using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.Ssm;

/// <summary>A client we did not write: the AWS CLI on the machine image (awscli 1.x on botocore) against the emulator.</summary>
public class AwsCliTests
{
    private static async Task<JsonNode> AwsAsync(LocalAws aws, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--endpoint-url", aws.Endpoint.ToString().TrimEnd('/'), "--region", aws.Options.Region, "--output", "json" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in aws.EnvironmentVariables) start.Environment[key] = value;
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return JsonNode.Parse(await stdout)!;
    }

    [Fact] // guide L5587-5590: the documented sample-AMI lookup, verbatim apart from the OS token (L5574, L6129)
    public async Task AwsCli_DescribeImagesAndGetParameter_AnswersParsed()
    {
        await using var aws = await LocalAws.StartAsync();

        var images = await AwsAsync(aws, "ec2", "describe-images", "--owners", "amazon",
            "--filters", "Name=name,Values=aws-pcs-sample_ami-al2023-x86_64-slurm-25.11*", "Name=state,Values=available",
            "--query", "sort_by(Images, &CreationDate)[-1].[Name,ImageId]");
        var parameter = await AwsAsync(aws, "ssm", "get-parameter",
            "--name", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");

        var newest = aws.State.Images.Values.Where(i => i.Name.StartsWith("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11", StringComparison.Ordinal))
            .MaxBy(i => i.CreationDate)!;
        Assert.Equal(newest.Name, images[0]!.GetValue<string>());
        Assert.Equal(newest.ImageId, images[1]!.GetValue<string>());
        Assert.Equal(global::PcsAutomation.LocalAws.Ec2.ImageCatalogue.AmazonLinuxImageId("arm64"), parameter["Parameter"]!["Value"]!.GetValue<string>());
    }
}
