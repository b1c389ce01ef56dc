using System.Text;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

/// <summary>Seeded random requests: the emulator never answers 5xx, only reads may succeed, and nothing changes.</summary>
public class MalformedInputFuzzTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Targets =
    [
        "AWSParallelComputingService.CreateCluster", "AWSParallelComputingService.UpdateComputeNodeGroup",
        "AWSParallelComputingService.CreateQueue", "AWSParallelComputingService.DeleteCluster",
        "AWSParallelComputingService.TagResource", "AWSParallelComputingService.ListClusters",
        "secretsmanager.RotateSecret", "secretsmanager.PutSecretValue", "secretsmanager.ListSecrets",
        "secretsmanager.UpdateSecretVersionStage", "AWSParallelComputingService.", ".", "", "x",
    ];

    private static readonly string[] Members =
    [
        "clusterIdentifier", "clusterName", "computeNodeGroupIdentifier", "scalingConfiguration", "minInstanceCount",
        "maxInstanceCount", "instanceConfigs", "SecretId", "VersionStage", "Filters", "tags", "clientToken", "scheduler",
        "size", "networking", "subnetIds", "MoveToVersionId", "resourceArn", "queueName", "computeNodeGroupConfigurations",
    ];

    [Fact]
    public async Task RandomRequests_300Seeded_No5xxAndStateUnchanged()
    {
        var random = new Random(20260105);
        using var client = new SignedClient(server.Aws.Endpoint);
        var before = server.Aws.Snapshot().ToJsonString();
        var answers = new List<(string Target, int Status)>();

        for (var i = 0; i < 300; i++)
        {
            var target = Targets[random.Next(Targets.Length)];
            var service = target.StartsWith("secretsmanager", StringComparison.Ordinal) ? "secretsmanager" : "pcs";
            var body = RandomBody(random);
            var mode = random.Next(6);
            var (status, _, _) = await client.SendAsync(target, body, service, service == "pcs" ? "1.0" : "1.1", tamper: r =>
            {
                if (mode == 1) r.Headers.Remove("Authorization");
                if (mode == 2) r.Headers.TryAddWithoutValidation("X-Amz-Target", RandomText(random, 30));
                if (mode == 3)
                {
                    r.Headers.Remove("Authorization");
                    r.Headers.TryAddWithoutValidation("Authorization", RandomText(random, 80));
                }
                if (mode == 4) r.Headers.Remove("X-Amz-Date");
            });
            answers.Add((target, status));
        }

        Assert.All(answers, a => Assert.InRange(a.Status, 200, 499));
        Assert.All(answers.Where(a => a.Status < 300), a => Assert.Contains(".List", a.Target, StringComparison.Ordinal)); // only reads succeed
        Assert.True(answers.Count(a => a.Status >= 400) > 250);
        Assert.Equal(before, server.Aws.Snapshot().ToJsonString());
    }

    /// <summary>Almost-valid JSON objects (wrong types, deep nesting, unicode, bad numbers) or plain garbage.</summary>
    private static string RandomBody(Random random) => random.Next(5) switch
    {
        0 => RandomText(random, random.Next(0, 200)),
        1 => new string('[', random.Next(1, 200)),
        2 => "{" + string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"\"{Members[random.Next(Members.Length)]}\":{RandomValue(random, 0)}")) + "}",
        3 => $"{{\"clusterIdentifier\":\"http-demo\",\"{Members[random.Next(Members.Length)]}\":{RandomValue(random, 0)}}}",
        _ => "{\"a\":1,\"a\":2}",
    };

    private static string RandomValue(Random random, int depth) => (depth > 3 ? random.Next(5) : random.Next(8)) switch
    {
        0 => "null",
        1 => random.Next(-5, 5) == 0 ? "1e400" : random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "\"" + RandomText(random, 12).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\"",
        3 => random.Next(2) == 0 ? "true" : "false",
        4 => "\"pcs_" + RandomText(random, 10).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\"",
        5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"\"{Members[random.Next(Members.Length)]}\":{RandomValue(random, depth + 1)}")) + "}",
    };

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++) builder.Append((char)random.Next(0x20, 0x7f));
        return builder.ToString();
    }
}
