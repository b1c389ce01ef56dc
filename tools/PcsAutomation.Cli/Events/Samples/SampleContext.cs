using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// What a generated event names: the account, Region and time of the envelope, and the resources the kind needs (from
/// the flags, or read from an emulator scenario by <see cref="SampleScenario"/>). A kind that needs a value left null
/// fails with the flag to pass (<see cref="Require"/>).
/// </summary>
public sealed record SampleContext(string Account, string Region, DateTimeOffset Time)
{
    /// <summary>The account of the reference samples (../shared/reference/events/scheduled-event.json), when none is given.</summary>
    public const string PlaceholderAccount = "123456789012";

    public string? ClusterId { get; init; }

    /// <summary>The cluster's secret (<c>pcs!slurm-secret-&lt;cluster id&gt;</c>, guide L2249); without a scenario, its ARN with a made-up 6-character suffix.</summary>
    public string? SecretArn { get; init; }

    public string? NodeGroupId { get; init; }
    public string? NodeGroupName { get; init; }
    public string? AmiId { get; init; }

    /// <summary>The node group as GetComputeNodeGroup answers it (scenario only): the PCS call's <c>responseElements.computeNodeGroup</c>.</summary>
    public JsonObject? NodeGroup { get; init; }

    public string? ReservationId { get; init; }
    public DateTimeOffset? ReservationEnd { get; init; }
    public string? InstanceId { get; init; }
    public string? AvailabilityZoneId { get; init; }

    /// <summary>Where a custom resource's response goes (the request's pre-signed S3 <c>ResponseURL</c>).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>The value or a usage error naming the flag that gives it.</summary>
    public static T Require<T>(T? value, string kind, string flag)
        where T : class => value ?? throw new CliException($"events generate {kind} needs {flag}.");

    /// <inheritdoc cref="Require{T}(T, string, string)"/>
    public static T Require<T>(T? value, string kind, string flag)
        where T : struct => value ?? throw new CliException($"events generate {kind} needs {flag}.");

    /// <summary>A UUID derived from <paramref name="seed"/> and the time: the same command writes the same event.</summary>
    public string Uuid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{Timestamp(Time)}"));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }

    /// <summary>EventBridge's and CloudTrail's timestamp form, <c>2026-01-05T08:00:00Z</c>.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
