using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ssm;

public sealed partial class SsmService
{
    public const string RunShellScript = "AWS-RunShellScript";

    /// <summary>Time for the agent to pick a command up (Pending → InProgress).</summary>
    public static readonly TimeSpan DeliveryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs AWS-RunShellScript on instances given by id (each must be running and managed, else InvalidInstanceId,
    /// as SSM answers) or by Targets (tag:&lt;key&gt;, tag-key, InstanceIds; only running managed nodes are targeted).
    /// </summary>
    private JsonObject SendCommand(RequestReader reader)
    {
        var document = reader.RequiredString("DocumentName");
        if (document != RunShellScript)
            throw SsmErrors.Error("InvalidDocument", $"Document with name {SsmErrors.Clip(document)} does not exist.");
        var parameters = reader.OptionalObject("Parameters") is { } map
            ? map.Json.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(map.OptionalStringList(p.Key) ?? []), StringComparer.Ordinal)
            : [];
        if (parameters.GetValueOrDefault("commands") is not { Count: > 0 })
            throw SsmErrors.Error("InvalidParameters", "Parameter \"commands\" is required.");
        var ids = reader.OptionalStringList("InstanceIds") ?? [];
        var targets = (reader.OptionalObjectList("Targets") ?? [])
            .Select(t => (Key: t.RequiredString("Key"), Values: t.OptionalStringList("Values") ?? [])).ToList();
        if ((ids.Count == 0) == (targets.Count == 0))
            throw SsmErrors.Validation("Exactly one of InstanceIds or Targets must be specified.");
        if (ids.Count > 50) throw SsmErrors.Validation("1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50");

        var unreachable = ids.Where(id => !world.Instances.TryGetValue(id, out var i) || !IsReachable(i)).ToList();
        if (unreachable.Count > 0)
            throw SsmErrors.Error("InvalidInstanceId", $"Instances [[{SsmErrors.Clip(string.Join(", ", unreachable))}]] not in a valid state for account {world.AccountId}");
        var instances = ids.Count > 0
            ? ids.Distinct().Select(id => world.Instances[id]).ToList()
            : world.Instances.Values.Where(IsReachable).Where(i => targets.All(t => Targeted(i, t.Key, t.Values)))
                .OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

        var timeoutSeconds = reader.OptionalInt("TimeoutSeconds") ?? 3600;
        var executionTimeout = parameters.GetValueOrDefault("executionTimeout") is [var text] &&
                               int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromHours(1);
        var command = new SsmCommand
        {
            CommandId = world.Ids.Uuid(),
            DocumentName = document,
            Comment = reader.OptionalString("Comment"),
            Parameters = parameters,
            InstanceIds = ids,
            Targets = targets.Select(t => (t.Key, (IReadOnlyList<string>)t.Values)).ToList(),
            RequestedAt = world.Now,
            TimeoutSeconds = timeoutSeconds,
            ExecutionTimeout = executionTimeout,
            Sequence = world.NextSequence(),
        };
        foreach (var instance in instances) Start(command, instance);
        world.Commands[command.CommandId] = command;
        return new JsonObject { ["Command"] = CommandJson(command) };
    }

    /// <summary>Running and managed (no <see cref="SsmOutcome.Unmanaged"/> rule).</summary>
    private bool IsReachable(Ec2Instance instance) =>
        instance.State == Ec2Instance.Running && SsmAgentRule.For(world, instance).Outcome != SsmOutcome.Unmanaged;

    private static bool Targeted(Ec2Instance instance, string key, IReadOnlyList<string> values) =>
        key switch
        {
            "InstanceIds" => values.Contains(instance.InstanceId),
            "tag-key" => values.Any(instance.Tags.ContainsKey),
            _ when key.StartsWith("tag:", StringComparison.Ordinal) =>
                instance.Tags.TryGetValue(key[4..], out var value) && values.Contains(value),
            _ => throw SsmErrors.Validation($"Target key {SsmErrors.Clip(key)} is not supported."),
        };

    /// <summary>The invocation's life on the virtual clock, as the instance's agent rule says.</summary>
    private void Start(SsmCommand command, Ec2Instance instance)
    {
        var rule = SsmAgentRule.For(world, instance);
        var invocation = new SsmInvocation { InstanceId = instance.InstanceId, InstanceName = instance.Tags.GetValueOrDefault("Name") ?? "" };
        command.Invocations[instance.InstanceId] = invocation;
        if (rule.Outcome == SsmOutcome.Undeliverable)
        {
            world.After(rule.Duration, $"ssm {command.CommandId} undeliverable on {instance.InstanceId}",
                () => Finish(invocation, "Failed", "Undeliverable", -1, "", ""));
            return;
        }
        world.After(DeliveryDelay, $"ssm {command.CommandId} delivered to {instance.InstanceId}", () =>
        {
            if (instance.State != Ec2Instance.Running)
            {
                Finish(invocation, "Failed", "Undeliverable", -1, "", "");
                return;
            }
            invocation.Status = invocation.StatusDetails = "InProgress";
            invocation.StartedAt = world.Now;
            if (rule.Outcome == SsmOutcome.TimeOut)
            {
                world.After(command.ExecutionTimeout, $"ssm {command.CommandId} timed out on {instance.InstanceId}",
                    () => Finish(invocation, "TimedOut", "ExecutionTimedOut", -1, rule.StandardOutput, rule.StandardError));
                return;
            }
            var exitCode = rule.ExitCode ?? (rule.Outcome == SsmOutcome.Fail ? 1 : 0);
            world.After(rule.Duration, $"ssm {command.CommandId} done on {instance.InstanceId}", () =>
            {
                if (instance.State != Ec2Instance.Running)
                    Finish(invocation, "Failed", "Failed", -1, "", "The instance stopped while the command ran.");
                else if (exitCode == 0)
                    Finish(invocation, "Success", "Success", 0, rule.StandardOutput, rule.StandardError);
                else
                    Finish(invocation, "Failed", "Failed", exitCode, rule.StandardOutput,
                        rule.StandardError.Length > 0 ? rule.StandardError : $"failed to run commands: exit status {exitCode}");
            });
        });
    }

    private void Finish(SsmInvocation invocation, string status, string details, int code, string stdout, string stderr)
    {
        if (invocation.IsDone) return;
        invocation.Status = status;
        invocation.StatusDetails = details;
        invocation.ResponseCode = code;
        invocation.StandardOutput = stdout;
        invocation.StandardError = stderr;
        invocation.EndedAt = world.Now;
    }

    private JsonObject GetCommandInvocation(RequestReader reader)
    {
        var commandId = reader.RequiredString("CommandId");
        var instanceId = reader.RequiredString("InstanceId");
        if (!world.Commands.TryGetValue(commandId, out var command) || !command.Invocations.TryGetValue(instanceId, out var invocation))
            throw SsmErrors.Error("InvocationDoesNotExist", "An error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation");
        var pluginName = reader.OptionalString("PluginName");
        if (pluginName is not (null or "aws:runShellScript"))
            throw SsmErrors.Error("InvalidPluginName", $"Plugin {SsmErrors.Clip(pluginName)} is not part of document {command.DocumentName}.");
        return new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["InstanceId"] = invocation.InstanceId,
            ["Comment"] = command.Comment ?? "",
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = "$DEFAULT",
            ["PluginName"] = "aws:runShellScript",
            ["ResponseCode"] = invocation.ResponseCode,
            ["ExecutionStartDateTime"] = invocation.StartedAt is { } s ? AwsTimestamp.Iso8601(s) : "",
            ["ExecutionElapsedTime"] = invocation.StartedAt is { } start
                ? System.Xml.XmlConvert.ToString((invocation.EndedAt ?? world.Now) - start)
                : "",
            ["ExecutionEndDateTime"] = invocation.EndedAt is { } e && invocation.StartedAt is not null ? AwsTimestamp.Iso8601(e) : "",
            ["Status"] = invocation.Status,
            ["StatusDetails"] = invocation.StatusDetails,
            ["StandardOutputContent"] = invocation.StandardOutput,
            ["StandardOutputUrl"] = "",
            ["StandardErrorContent"] = invocation.StandardError,
            ["StandardErrorUrl"] = "",
            ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchLogGroupName"] = "", ["CloudWatchOutputEnabled"] = false },
        };
    }

    private JsonObject ListCommandInvocations(RequestReader reader)
    {
        var commandId = reader.OptionalString("CommandId");
        var instanceId = reader.OptionalString("InstanceId");
        var details = reader.OptionalBool("Details") == true;
        var rows = world.Commands.Values.OrderBy(c => c.Sequence)
            .Where(c => commandId is null || c.CommandId == commandId)
            .SelectMany(c => c.Invocations.Values.Select(i => (Command: c, Invocation: i)))
            .Where(r => instanceId is null || r.Invocation.InstanceId == instanceId)
            .Select(r => (JsonNode)InvocationJson(r.Command, r.Invocation, details)).ToArray();
        return new JsonObject { ["CommandInvocations"] = new JsonArray(rows) };
    }

    private JsonObject ListCommands(RequestReader reader)
    {
        var commandId = reader.OptionalString("CommandId");
        var instanceId = reader.OptionalString("InstanceId");
        var rows = world.Commands.Values.OrderByDescending(c => c.Sequence)
            .Where(c => commandId is null || c.CommandId == commandId)
            .Where(c => instanceId is null || c.Invocations.ContainsKey(instanceId))
            .Select(c => (JsonNode)CommandJson(c)).ToArray();
        return new JsonObject { ["Commands"] = new JsonArray(rows) };
    }

    private static JsonObject InvocationJson(SsmCommand command, SsmInvocation invocation, bool details)
    {
        var row = new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["InstanceId"] = invocation.InstanceId,
            ["InstanceName"] = invocation.InstanceName,
            ["Comment"] = command.Comment ?? "",
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = "$DEFAULT",
            ["RequestedDateTime"] = AwsTimestamp.EpochSeconds(command.RequestedAt),
            ["Status"] = invocation.Status,
            ["StatusDetails"] = invocation.StatusDetails,
            ["StandardOutputUrl"] = "",
            ["StandardErrorUrl"] = "",
            ["CommandPlugins"] = new JsonArray(),
        };
        if (details)
        {
            row["CommandPlugins"] = new JsonArray(new JsonObject
            {
                ["Name"] = "aws:runShellScript",
                ["Status"] = invocation.Status is "Failed" && invocation.StatusDetails == "Undeliverable" ? "Failed" : invocation.Status,
                ["StatusDetails"] = invocation.StatusDetails,
                ["ResponseCode"] = invocation.ResponseCode,
                ["Output"] = invocation.StandardOutput + invocation.StandardError,
            });
        }
        return row;
    }

    private static JsonObject CommandJson(SsmCommand command)
    {
        var done = command.Invocations.Values.Count(i => i.IsDone);
        return new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = "$DEFAULT",
            ["Comment"] = command.Comment ?? "",
            ["ExpiresAfter"] = AwsTimestamp.EpochSeconds(command.RequestedAt.AddSeconds(command.TimeoutSeconds) + command.ExecutionTimeout),
            ["Parameters"] = new JsonObject(command.Parameters.Select(p =>
                KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(p.Value.Select(v => (JsonNode)v).ToArray())))),
            ["InstanceIds"] = new JsonArray(command.InstanceIds.Select(i => (JsonNode)i).ToArray()),
            ["Targets"] = new JsonArray(command.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["Key"] = t.Key,
                ["Values"] = new JsonArray(t.Values.Select(v => (JsonNode)v).ToArray()),
            }).ToArray()),
            ["RequestedDateTime"] = AwsTimestamp.EpochSeconds(command.RequestedAt),
            ["Status"] = command.Status,
            ["StatusDetails"] = command.Status,
            ["MaxConcurrency"] = "50",
            ["MaxErrors"] = "0",
            ["TargetCount"] = command.Invocations.Count,
            ["CompletedCount"] = done,
            ["ErrorCount"] = command.Invocations.Values.Count(i => i.Status == "Failed" && i.StatusDetails != "Undeliverable"),
            ["DeliveryTimedOutCount"] = 0,
            ["TimeoutSeconds"] = command.TimeoutSeconds,
            ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchLogGroupName"] = "", ["CloudWatchOutputEnabled"] = false },
        };
    }
}
