using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.LocalAws;

/// <summary>How the clock runs: jumps under test control, or follows real time at a speed factor.</summary>
public enum ClockMode
{
    Virtual,
    Wall,
}

/// <summary>Everything <see cref="LocalAws.StartAsync"/> needs; checked once by <see cref="Validate"/>.</summary>
public sealed record LocalAwsOptions
{
    /// <summary>The access key the emulator knows by default (AWS_ACCESS_KEY_ID for clients and the AWS CLI).</summary>
    public const string TestAccessKeyId = "AKIALOCALAWSTEST0001";

    /// <summary>Its secret key: a test value, not a secret.</summary>
    public const string TestSecretAccessKey = "localaws/test/secret/key/not+a+secret/0000";

    /// <summary>TCP port on 127.0.0.1; default 0 (any free port, read it from <see cref="LocalAws.Endpoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>The emulated Region; default "us-east-1". Requests signed for another Region are refused.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The emulated account; default "111122223333" (the guide's examples).</summary>
    public string AccountId { get; init; } = "111122223333";

    /// <summary>Access key id → secret key whose signatures are verified; default the test key pair.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [TestAccessKeyId] = TestSecretAccessKey };

    /// <summary>
    /// Accept requests signed with an access key not in <see cref="Credentials"/>, without verifying the signature
    /// (scope checks still apply); default false, so a client with stray real credentials gets
    /// UnrecognizedClientException instead of silently working. The standalone server turns it on for convenience.
    /// </summary>
    public bool AcceptUnknownAccessKeys { get; init; }

    /// <summary>Virtual time at start; default 2026-01-05T08:00:00Z.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Seed for ids, keys and fault draws; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Durations of asynchronous work; default <see cref="World.Durations"/>'s values.</summary>
    public Durations Durations { get; init; } = new();

    /// <summary>Default <see cref="ClockMode.Virtual"/>.</summary>
    public ClockMode ClockMode { get; init; } = ClockMode.Virtual;

    /// <summary>
    /// How long after the time in an item's TTL attribute the emulated DynamoDB deletes it; default 48 hours
    /// (<see cref="DynamoDb.DynamoDbService.DefaultTimeToLiveDeletionDelay"/>: "DynamoDB typically deletes expired items
    /// within two days of expiration", https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html).
    /// Until then the expired item still shows up in reads, as in AWS. Deletions happen as the virtual clock moves
    /// (<c>Clock.Advance</c>, <c>RunUntilAsync</c>); <c>RunUntilIdleAsync</c> does not wait for them (background work).
    /// </summary>
    public TimeSpan DynamoDbTimeToLiveDeletionDelay { get; init; } = DynamoDb.DynamoDbService.DefaultTimeToLiveDeletionDelay;

    /// <summary>Wall mode: virtual seconds per real second; default 1.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Wall mode: the real time source (only Program.cs passes <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider? RealTime { get; init; }

    /// <summary>Largest request body accepted; default 1 MiB. Larger bodies get a 400 error.</summary>
    public int MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Resources to create before serving; default none.</summary>
    public ScenarioDefinition? Scenario { get; init; }

    /// <summary>
    /// A SAM template (<c>template.yaml</c>) to load at start: its functions, state machines, tables, topics and
    /// EventBridge rules (see <see cref="Template.TemplateLoader"/>); default null (nothing loaded).
    /// </summary>
    public string? Template { get; init; }

    /// <summary>Template parameter values (and pseudo parameters such as <c>AWS::StackName</c>, default "local"); others use their Default.</summary>
    public IReadOnlyDictionary<string, string> TemplateParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Builds the in-process handler of each template function (payload JSON in, response JSON out, an exception is the
    /// function error); default null. The emulator knows nothing of the code behind it: the product's host
    /// (tools/PcsAutomation.ProductHost, <c>ProductFunctions.Create</c>) or a test passes it. When it is null or returns
    /// null, the function runs <see cref="BootstrapPath"/>, and without one, invoking it fails with <c>Runtime.InvalidEntrypoint</c>.
    /// </summary>
    public Func<TemplateFunction, Func<string, CancellationToken, Task<string>>?>? FunctionFactory { get; init; }

    /// <summary>A <c>bootstrap</c> executable that serves template functions the factory leaves out (one process per function); default null.</summary>
    public string? BootstrapPath { get; init; }

    /// <summary>Fails fast naming the bad property.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"{nameof(Port)} must be 0..65535, got {Port}.");
        if (string.IsNullOrWhiteSpace(Region)) throw new ArgumentException($"{nameof(Region)} must be set.");
        if (AccountId.Length != 12 || !AccountId.All(char.IsAsciiDigit)) throw new ArgumentException($"{nameof(AccountId)} must be 12 digits.");
        if (Credentials is null) throw new ArgumentException($"{nameof(Credentials)} must be set.");
        if (Speed <= 0 || double.IsNaN(Speed)) throw new ArgumentException($"{nameof(Speed)} must be positive.");
        if (ClockMode == ClockMode.Wall && RealTime is null) throw new ArgumentException($"{nameof(RealTime)} is required in wall clock mode.");
        if (DynamoDbTimeToLiveDeletionDelay < TimeSpan.Zero || DynamoDbTimeToLiveDeletionDelay >= DynamoDb.TimeToLiveSweeper.IgnoredAfter)
            throw new ArgumentException($"{nameof(DynamoDbTimeToLiveDeletionDelay)} must be at least 0 and less than five years (older expiry times are never deleted).");
        if (MaxBodyBytes < 1024) throw new ArgumentException($"{nameof(MaxBodyBytes)} must be at least 1024.");
        if (Template is not null && !File.Exists(Template)) throw new ArgumentException($"{nameof(Template)} {Template} does not exist.");
        if (TemplateParameters is null) throw new ArgumentException($"{nameof(TemplateParameters)} must be set (empty for none).");
        if (BootstrapPath is not null && !File.Exists(BootstrapPath)) throw new ArgumentException($"{nameof(BootstrapPath)} {BootstrapPath} does not exist.");
    }
}
