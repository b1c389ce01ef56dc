using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

/// <summary>Scenario files as a new user types them: one line naming the file, the line and what is wrong, never a stack trace.</summary>
public class ScenarioFileTests
{
    private const string Valid = """
        name: demo
        clusters:
          - name: demo
            slurmVersion: "25.05"
            nodeGroups:
              - name: compute-1
                min: 0
                max: 4
            queues:
              - name: demo
                nodeGroups: [compute-1]
        """;

    private static ScenarioException Fails(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioFile.Parse(yaml, "bad.yaml"));

    /// <summary>The message the emulated CreateCluster gives for the same request values.</summary>
    private static string CreateClusterError(string name, string version, string size)
    {
        var aws = LocalAws.CreateInProcess();
        var error = Assert.Throws<AwsServiceException>(() => aws.Call("pcs", "CreateCluster", new JsonObject
        {
            ["clusterName"] = name,
            ["scheduler"] = new JsonObject { ["type"] = "SLURM", ["version"] = version },
            ["size"] = size,
            ["networking"] = new JsonObject { ["subnetIds"] = new JsonArray("subnet-0123456789abcdef0") },
        }));
        Assert.Equal("ValidationException", error.Code);
        return error.Message;
    }

    [Fact]
    public void Parse_ValidScenario_Definition()
    {
        var scenario = ScenarioFile.Parse(Valid, "ok.yaml");

        Assert.Equal("compute-1", Assert.Single(Assert.Single(scenario.Clusters).NodeGroups).Name);
    }

    [Fact]
    public void Parse_UnknownKeyInACluster_FileLineKeyAndTheAllowedKeys()
    {
        var error = Fails(Valid.Replace("slurmVersion:", "slurmVersoin:", StringComparison.Ordinal));

        Assert.Equal("bad.yaml:4:5: unknown key 'slurmVersoin' in clusters[0]; allowed keys: name, status, slurmVersion, size, "
            + "scaleDownIdleTimeInSeconds, slurmRest, tags, nodeGroups, queues", error.Message);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_NamesTheScenarioLevel()
    {
        var error = Fails("name: x\nclustres: []\n");

        Assert.StartsWith("bad.yaml:2:1: unknown key 'clustres' in the scenario; allowed keys: name, launchTemplates, capacityBlocks, clusters,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKeyInANodeGroup_PathToTheGroup()
    {
        var error = Fails(Valid.Replace("max: 4", "maximum: 4", StringComparison.Ordinal));

        Assert.StartsWith("bad.yaml:8:9: unknown key 'maximum' in clusters[0].nodeGroups[0]; allowed keys: name, status, min, max,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongValueType_FileLineAndTheValue()
    {
        var error = Fails(Valid.Replace("max: 4", "max: four", StringComparison.Ordinal));

        Assert.StartsWith("bad.yaml:8:14: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'four'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenYaml_OneLineWithThePosition()
    {
        var error = Fails("clusters:\n  - name: demo\n   slurmVersion: 25.05\n");

        Assert.Matches(@"^bad\.yaml:3:\d+: \S", error.Message);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact] // guide L1900 through the emulated API's own check: the same message, plus file, line and item
    public void Parse_UnsupportedSlurmVersion_TheCreateClusterMessageAtItsLine()
    {
        var error = Fails(Valid.Replace("\"25.05\"", "\"99.99\"", StringComparison.Ordinal));

        Assert.Equal($"bad.yaml:4:19: cluster 'demo': {CreateClusterError("demo", "99.99", "SMALL")}", error.Message);
        Assert.Contains("[24.11, 25.05, 25.11]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClusterNameTooShort_TheCreateClusterMessage()
    {
        var error = Fails(Valid.Replace("  - name: demo\n    slurm", "  - name: c\n    slurm", StringComparison.Ordinal));

        Assert.Equal($"bad.yaml:3:11: cluster 'c': {CreateClusterError("c", "25.05", "SMALL")}", error.Message);
    }

    [Theory]
    [InlineData("size: HUGE", "    nodeGroups:", "cluster 'demo': 1 validation error detected: Value 'HUGE' at 'size'")]
    [InlineData("scaleDownIdleTimeInSeconds: 0", "    nodeGroups:", "cluster 'demo': 1 validation error detected: Value at 'slurmConfiguration.scaleDownIdleTimeInSeconds'")]
    [InlineData("status: ACTVE", "    nodeGroups:", "cluster 'demo': 1 validation error detected: Value 'ACTVE' at 'status'")]
    [InlineData("purchaseOption: CHEAP", "        max: 4", "compute node group 'compute-1' of cluster 'demo': 1 validation error detected: Value 'CHEAP' at 'purchaseOption'")]
    [InlineData("amiId: ami-NOT-HEX", "        max: 4", "compute node group 'compute-1' of cluster 'demo': 1 validation error detected: Value 'ami-NOT-HEX' at 'amiId'")]
    [InlineData("instanceType: ''", "        max: 4", "compute node group 'compute-1' of cluster 'demo': instanceConfigs must contain at least one instance type.")]
    public void Parse_ValueTheApiRefuses_ItemAndTheApiMessage(string line, string after, string expected)
    {
        var indent = after[..(after.Length - after.TrimStart().Length)];
        var error = Fails(Valid.Replace($"\n{after}", $"\n{indent}{line}\n{after}", StringComparison.Ordinal));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Theory] // guide L2550: static (min = max > 0) or dynamic (min = 0)
    [InlineData(2, 8, "A compute node group is either static (minInstanceCount = maxInstanceCount) or dynamic (minInstanceCount = 0).")]
    [InlineData(5, 4, "scalingConfiguration.minInstanceCount must not exceed maxInstanceCount.")]
    [InlineData(0, -1, "scalingConfiguration counts must be greater than or equal to 0.")]
    public void Parse_BadScaling_TheCreateComputeNodeGroupMessage(int min, int max, string message)
    {
        var error = Fails(Valid.Replace("min: 0", $"min: {min}", StringComparison.Ordinal).Replace("max: 4", $"max: {max}", StringComparison.Ordinal));

        Assert.Equal($"bad.yaml:7:14: compute node group 'compute-1' of cluster 'demo': {message}", error.Message);
    }

    [Fact] // guide L2571: node group names are unique within a cluster
    public void Parse_DuplicateNodeGroupName_ConflictMessage()
    {
        var error = Fails("clusters:\n  - name: demo\n    nodeGroups:\n      - name: compute-1\n      - name: compute-1\n");

        Assert.Equal("bad.yaml:5:15: compute node group 'compute-1' of cluster 'demo': A compute node group named compute-1 already exists.", error.Message);
    }

    [Fact] // guide L10921: 10 compute node groups per cluster
    public void Parse_ElevenNodeGroups_QuotaMessage()
    {
        var groups = string.Concat(Enumerable.Range(1, 11).Select(i => $"      - name: group-{i}\n"));
        var error = Fails($"clusters:\n  - name: demo\n    nodeGroups:\n{groups}");

        Assert.Equal("bad.yaml:14:9: compute node group 'group-11' of cluster 'demo': A cluster can have at most 10 compute node groups.", error.Message);
    }

    [Fact]
    public void Parse_QueueOfAnUnknownGroup_NotFoundMessage()
    {
        var error = Fails(Valid.Replace("[compute-1]", "[compute-9]", StringComparison.Ordinal));

        Assert.Equal("bad.yaml:11:21: queue 'demo' of cluster 'demo': The computeNodeGroup compute-9 doesn't exist.", error.Message);
    }

    [Fact]
    public void Parse_UnknownTimelineAction_TheKnownActions()
    {
        var error = Fails("timeline:\n  - at: +1h\n    action: setDemnad\n");

        Assert.Equal("bad.yaml:3:13: timeline entry 'setDemnad': unknown action; one of setDemand, setBusy, setStatus, failNextUpdate, "
            + "suspendCluster, extendCapacityBlock, submitJobs, deleteLaunchTemplate.", error.Message);
    }

    [Fact]
    public void Load_MissingFile_FileNotFoundNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ScenarioFile.Load("no-such-scenario"));

        Assert.Contains("no-such-scenario", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_TheErrorNamesThePathAsGiven()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "clusters:\n  - name: demo\n    slurmVersion: \"99.99\"\n");
        try
        {
            var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Load(path));

            Assert.StartsWith($"{path}:3:19: cluster 'demo': 1 validation error detected: Value '99.99' at 'scheduler.version'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
