using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Differential;

/// <summary>
/// Differential check against an interpreter we did not write: moto 5.2's Step Functions (LocalStack's interpreter)
/// runs every conformance case; where moto and this engine disagree, the specification decides and the case must
/// be listed in <see cref="MotoDivergences.Known"/> with the side that is wrong.
/// </summary>
public class MotoDifferentialTests
{
    [Fact]
    public async Task Moto_EveryConformanceCase_AgreesOrDivergenceIsRecorded()
    {
        var cases = ConformanceCases.All.ToList();
        var moto = await RunMotoAsync(cases);
        var unexplained = new List<string>();
        var stale = new List<string>();
        foreach (var c in cases)
        {
            var ours = Summarize(await Harness.RunOnceAsync(c.Definition, c.Input));
            var theirs = moto[c.Name]!.AsObject();
            var agree = Same(ours, theirs);
            var known = MotoDivergences.Known.ContainsKey(c.Name);
            if (!agree && !known)
                unexplained.Add($"{c.Name}: ours {ours.ToJsonString()} moto {theirs.ToJsonString()}");
            if (agree && known)
                stale.Add(c.Name);
        }

        Assert.True(unexplained.Count == 0, "Unrecorded divergences from moto:\n" + string.Join("\n", unexplained));
        Assert.True(stale.Count == 0, "Recorded divergences that no longer diverge: " + string.Join(", ", stale));
    }

    [Fact]
    public void Divergences_EachNamesTheWrongSideAndAnExistingCase()
    {
        var names = ConformanceCases.All.Select(c => c.Name).ToHashSet();
        Assert.All(MotoDivergences.Known, d =>
        {
            Assert.Contains(d.Key, names);
            Assert.True(d.Value.WrongSide is "moto" or "engine", d.Key);
            Assert.False(string.IsNullOrWhiteSpace(d.Value.Reason));
        });
        // The spec decides: this engine is never the recorded wrong side of a case it still ships.
        Assert.DoesNotContain(MotoDivergences.Known, d => d.Value.WrongSide == "engine");
    }

    private static JsonObject Summarize(Execution execution) => new()
    {
        ["status"] = execution.Status.ToApiName(),
        ["output"] = execution.Output,
        ["error"] = execution.Error,
    };

    private static bool Same(JsonObject ours, JsonObject theirs)
    {
        if (ours["status"]!.GetValue<string>() != theirs["status"]?.GetValue<string>())
            return false;
        if (ours["status"]!.GetValue<string>() == "SUCCEEDED")
            return JsonNode.DeepEquals(JsonNode.Parse(ours["output"]!.GetValue<string>()), MotoOutput(theirs["output"]!.GetValue<string>()));
        return ours["error"]?.GetValue<string>() == theirs["error"]?.GetValue<string>();
    }

    /// <summary>moto returns a top-level string output unquoted (<c>yes</c> for <c>"yes"</c>): read it as that string.</summary>
    private static JsonNode? MotoOutput(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static async Task<JsonObject> RunMotoAsync(IEnumerable<ConformanceCase> cases)
    {
        var payload = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["definition"] = c.Definition,
            ["input"] = c.Input,
        }).ToArray());
        var script = Path.Combine(AppContext.BaseDirectory, "Differential", "moto_run.py");
        var start = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(payload.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "moto_run.py failed: " + await stderr);
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
