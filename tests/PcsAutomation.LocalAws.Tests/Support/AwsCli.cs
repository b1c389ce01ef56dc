using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>What one run of the AWS CLI printed.</summary>
internal sealed record AwsCliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the machine's AWS CLI (a client we did not write) against an emulator endpoint with the test keys, isolated
/// from the user's profiles, session token and endpoint variables so only the arguments decide what it does.
/// </summary>
internal static class AwsCli
{
    public static async Task<AwsCliResult> RunAsync(string endpoint, string region, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["--endpoint-url", endpoint.TrimEnd('/'), "--region", region, "--output", "json"]))
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = LocalAwsOptions.TestAccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = LocalAwsOptions.TestSecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_ENDPOINT_URL");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new AwsCliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the command, asserts it succeeded, and parses its JSON output (empty output is an empty object).</summary>
    public static async Task<JsonObject> JsonAsync(string endpoint, string region, params string[] arguments)
    {
        var result = await RunAsync(endpoint, region, arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout.Trim().Length == 0 ? [] : (JsonObject)JsonNode.Parse(result.Stdout)!;
    }

    public static Task<AwsCliResult> RunAsync(LocalAws aws, params string[] arguments) =>
        RunAsync(aws.Endpoint.ToString(), aws.Options.Region, arguments);

    public static Task<JsonObject> JsonAsync(LocalAws aws, params string[] arguments) =>
        JsonAsync(aws.Endpoint.ToString(), aws.Options.Region, arguments);
}
