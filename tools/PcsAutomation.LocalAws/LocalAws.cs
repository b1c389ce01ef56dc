using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using PcsAutomation.LocalAws.Clock;
using PcsAutomation.LocalAws.DynamoDb;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.CloudTrail;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Host;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.LocalAws.Sns;
using PcsAutomation.LocalAws.Ssm;
using PcsAutomation.LocalAws.StepFunctions;
using PcsAutomation.LocalAws.Template;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws;

/// <summary>
/// The local AWS: one in-process server on 127.0.0.1 speaking the real wire protocols, over a shared world
/// on a virtual clock. <c>await using var aws = await LocalAws.StartAsync(new LocalAwsOptions());</c>
/// then point clients at <see cref="Endpoint"/> with <see cref="EnvironmentVariables"/>.
/// </summary>
public sealed partial class LocalAws : IAsyncDisposable
{
    private WebApplication? app;
    private WallClockDriver? wallClock;
    private Lambda.LambdaHost? lambda;

    private LocalAws(LocalAwsOptions options)
    {
        Options = options;
        Clock = new VirtualClock(options.StartTime);
        State = new AwsWorld(options.AccountId, options.Region, Clock, options.Seed, options.Durations);
        Pcs = new PcsService(State);
        SecretsManager = new SecretsManagerService(State);
        Faults = new FaultInjector(options.Seed, Clock);
        Scenarios = new ScenarioActions(State, Pcs.Fleet);
        Slurm = new SlurmView(State, Pcs.Fleet);
        SlurmRest = new SlurmRestServers(State, new SlurmRestService(State, Pcs.Fleet, Faults, Calls));
        Services.Add(new JsonServiceRegistration(PcsService.TargetPrefix, PcsService.SigningName, "1.0", "pcs.amazonaws.com", Pcs.Invoke)
        {
            ThrottlingStatus = 429,
            RetryAfterMember = "retryAfterSeconds",
            InternalErrorCode = "InternalServerException",
        });
        Services.Add(new JsonServiceRegistration(SecretsManagerService.TargetPrefix, SecretsManagerService.SigningName, "1.1",
            "secretsmanager.amazonaws.com", SecretsManager.Invoke)
        {
            MessageMember = "Message",
            InternalErrorCode = "InternalServiceError",
            SensitiveMembers = new HashSet<string>(StringComparer.Ordinal) { "SecretString", "SecretBinary" },
        });
        Ec2 = new Ec2Service(State);
        Ssm = new SsmService(State);
        // EC2 speaks the query protocol: no X-Amz-Target (empty prefix never matches one); AwsRequestHandler routes
        // form posts signed for "ec2" to Ec2QueryEndpoint, which goes through Execute like the JSON services.
        Services.Add(new JsonServiceRegistration("", Ec2Service.SigningName, "", "ec2.amazonaws.com", Ec2.Invoke)
        {
            ThrottlingStatus = 503,
            InternalErrorCode = "InternalError",
            SensitiveMembers = new HashSet<string>(StringComparer.Ordinal) { "LaunchTemplateData.UserData" },
        });
        Services.Add(new JsonServiceRegistration(SsmService.TargetPrefix, SsmService.SigningName, "1.1", "ssm.amazonaws.com", Ssm.Invoke)
        {
            InternalErrorCode = "InternalServerError",
            SensitiveMembers = SsmService.SensitiveMembers,
        });
        // TTL deletions are background work: their timers live with the EventBridge schedules, which "idle" does not wait for.
        DynamoDb = new DynamoDbService(Clock, options.Region, options.AccountId, options.DynamoDbTimeToLiveDeletionDelay, Clock.Schedules);
        Services.Add(new JsonServiceRegistration(DynamoDbService.TargetPrefix, "dynamodb", "1.0", "dynamodb.amazonaws.com", DynamoDb.Invoke));
        // Schedules tick on their own view of the clock: recurring, they must not keep RunUntilIdleAsync busy.
        Events = new EventBus(Clock.Schedules, Deliver, options.Region, options.AccountId);
        EventBridge = new EventBridgeService(Events);
        Services.Add(new JsonServiceRegistration(EventBridgeService.TargetPrefix, "events", "1.1", "events.amazonaws.com", EventBridge.Invoke));
        StepFunctions = new StepFunctionsService(Clock, () => Lambda, options.Region, options.AccountId, this);
        Services.Add(new JsonServiceRegistration(StepFunctionsService.TargetPrefix, StepFunctionsService.SigningName, "1.0",
            StepFunctionsService.EventSource, StepFunctions.Invoke));
        Sns = new SnsService(Clock, options.Region, options.AccountId, State.Ids.Uuid);
        Services.Add(new JsonServiceRegistration("", SnsService.SigningName, "", SnsService.EventSource, Sns.Invoke)
        {
            ThrottlingStatus = 429,
            InternalErrorCode = "InternalError",
            IsReadOnly = SnsService.IsNotManagementWrite,
            CloudTrailMembers = SnsService.CloudTrailMembers,
        });
        // CloudTrail reaches EventBridge rules as it does in AWS when a trail exists (API calls and service events).
        // Both through the event faults (lost, late, duplicated deliveries: LocalAws.ServiceEvents.cs).
        State.CloudTrail.Recorded += PublishServiceEvent;
        State.CapacityBlockEvents.Emitted += PublishServiceEvent;
        Clock.SleepersChanged += Activity.Pulse;
        StepFunctions.RunUntil = RunUntilAsync;
    }

    public LocalAwsOptions Options { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ once started.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public VirtualClock Clock { get; }

    /// <summary>The emulated account (inspect resources here; take <see cref="AwsWorld.Gate"/> to change them).</summary>
    public AwsWorld State { get; }

    public PcsService Pcs { get; }
    public SecretsManagerService SecretsManager { get; }
    public Ec2Service Ec2 { get; }
    public SsmService Ssm { get; }
    public DynamoDbService DynamoDb { get; }
    public EventBridgeService EventBridge { get; }

    /// <summary>Topics and the messages published to them (query protocol on the wire, signing name "sns").</summary>
    public SnsService Sns { get; }

    /// <summary>The Step Functions API over the States engine; executions run on <see cref="Clock"/>.</summary>
    public StepFunctionsService StepFunctions { get; }

    /// <summary>The default and template-declared buses; each rule match is recorded in <see cref="Deliveries"/> and delivered to its target.</summary>
    public EventBus Events { get; }

    /// <summary>Every event a rule matched, with its target, in order (the record for tests; <see cref="DeliveryResults"/> says what the target did).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<EventDelivery> Deliveries { get; } = new();

    /// <summary>Work running off the caller's thread (invocations, deliveries): what the Run methods wait for.</summary>
    public EmulatorActivity Activity { get; } = new();

    /// <summary>What <see cref="LocalAwsOptions.Template"/> created; null without a template.</summary>
    public LoadedTemplate? Template { get; private set; }
    public ServiceCatalog Services { get; } = new();
    public FaultInjector Faults { get; }
    public CallLog Calls { get; } = new();
    public CloudTrailLog CloudTrail => State.CloudTrail;

    /// <summary>Lambda functions over the Runtime API; deadlines follow <see cref="LocalAwsOptions.RealTime"/> when set (a bootstrap reads the real clock).</summary>
    public Lambda.LambdaHost Lambda => lambda ??= new Lambda.LambdaHost(this, Options.RealTime ?? Clock);

    /// <summary>What jobs and AWS do outside the API (demand, busy nodes, suspension, block extension).</summary>
    public ScenarioActions Scenarios { get; }

    /// <summary>The Slurm side of the clusters (jobs, queues holding jobs, node reservations): no AWS API shows it.</summary>
    public SlurmView Slurm { get; }

    /// <summary>
    /// The slurmrestd of each cluster serving the Slurm REST API: one listener per cluster on 127.0.0.1 (started with the
    /// emulator, <c>StopAsync</c>/<c>StartAsync</c> for an unreachable endpoint), or <c>Send</c> in process.
    /// </summary>
    public SlurmRestServers SlurmRest { get; }

    /// <summary>The environment a client needs: endpoint, Region and the test credentials.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Options.Region,
        ["AWS_DEFAULT_REGION"] = Options.Region,
        ["AWS_ACCESS_KEY_ID"] = Options.Credentials.Keys.First(),
        ["AWS_SECRET_ACCESS_KEY"] = Options.Credentials.Values.First(),
    };

    public static async Task<LocalAws> StartAsync(LocalAwsOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalAwsOptions();
        options.Validate();
        var aws = new LocalAws(options);
        if (options.Scenario is not null) aws.Apply(options.Scenario);
        await aws.StartServerAsync(cancellationToken).ConfigureAwait(false);
        await aws.SlurmRest.StartAllAsync(cancellationToken).ConfigureAwait(false);
        // After the server: template functions get the endpoint in their environment.
        aws.LoadTemplate();
        if (options.ClockMode == ClockMode.Wall)
            aws.wallClock = new WallClockDriver(aws.Clock, options.RealTime!, options.Speed, TimeSpan.FromMilliseconds(50), aws.FunctionsAwake);
        return aws;
    }

    /// <summary>
    /// The same emulator without the HTTP server, for model-level tests: call services through <see cref="Call"/>.
    /// <see cref="Endpoint"/> is meaningless on it.
    /// </summary>
    public static LocalAws CreateInProcess(LocalAwsOptions? options = null)
    {
        options ??= new LocalAwsOptions();
        options.Validate();
        var aws = new LocalAws(options);
        if (options.Scenario is not null) aws.Apply(options.Scenario);
        aws.LoadTemplate();
        return aws;
    }

    /// <summary>
    /// True while an invocation or delivery runs that is not asleep on the virtual clock: the wall clock holds then
    /// (<see cref="WallClockPace"/>), as the virtual mode's <see cref="SettleAsync"/> waits for the same work.
    /// </summary>
    private bool FunctionsAwake() => Activity.Busy > Clock.SleepingFunctionTimers;

    private void LoadTemplate()
    {
        if (Options.Template is { } path) Template = TemplateLoader.Load(this, path);
    }

    /// <summary>Adds a scenario's resources and timeline to the world, now.</summary>
    public void Apply(ScenarioDefinition scenario) => new ScenarioApplier(State, Pcs.Fleet).Apply(scenario);

    /// <summary>
    /// Calls a service in process, as if through HTTP but unsigned: same lock, same CloudTrail and call log.
    /// <paramref name="signingName"/> is "pcs", "secretsmanager", ...; throws <see cref="AwsServiceException"/>.
    /// </summary>
    public JsonNode Call(string signingName, string operation, JsonObject request)
    {
        var service = Services.FindBySigningName(signingName) ?? throw new ArgumentException($"No service {signingName}.", nameof(signingName));
        return Execute(service, operation, request, new CallerContext(Guid.NewGuid().ToString(), Options.Credentials.Keys.FirstOrDefault()));
    }

    /// <summary>Faults, then the service under the world's gate, then CloudTrail and the call log.</summary>
    internal JsonNode Execute(JsonServiceRegistration service, string operation, JsonObject request, CallerContext caller)
    {
        var (latency, fault) = Faults.Evaluate(service, operation);
        if (latency > TimeSpan.Zero) Clock.Advance(latency);
        try
        {
            if (fault is not null) throw fault;
            JsonNode response;
            lock (State.Gate)
            {
                response = service.Invoke(operation, request);
                if (!service.IsReadOnly(operation)) RecordApiCall(service, operation, request, response, caller);
            }
            Calls.Add(new CallRecord(Clock.GetUtcNow(), service.SigningName, operation, 200, null, caller.RequestId));
            return response;
        }
        catch (AwsServiceException error)
        {
            Calls.Add(new CallRecord(Clock.GetUtcNow(), service.SigningName, operation, error.StatusCode, error.Code, caller.RequestId));
            throw;
        }
    }

    /// <summary>A JSON picture of every resource (secret values excluded), for before/after comparisons.</summary>
    public JsonObject Snapshot()
    {
        lock (State.Gate) return StateSnapshot.Of(State);
    }

    public async ValueTask DisposeAsync()
    {
        if (wallClock is not null) await wallClock.DisposeAsync().ConfigureAwait(false);
        if (lambda is not null) await lambda.DisposeAsync().ConfigureAwait(false);
        await SlurmRest.DisposeAsync().ConfigureAwait(false);
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void RecordApiCall(JsonServiceRegistration service, string operation, JsonObject request, JsonNode response, CallerContext caller)
    {
        var parameters = (JsonObject)request.DeepClone();
        foreach (var member in service.SensitiveMembers) parameters.Remove(member);
        var elements = response.DeepClone();
        if (elements is JsonObject o) foreach (var member in service.SensitiveMembers) o.Remove(member);
        State.CloudTrail.RecordApiCall(new ApiCallRecord(service.EventBridgeSource, service.EventSource, operation,
            service.CloudTrailMembers(parameters) as JsonObject, service.CloudTrailMembers(elements), caller.RequestId, caller.AccessKeyId, caller.UserAgent, caller.SourceIpAddress));
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var handler = new AwsRequestHandler(this, Options);
        // the handler enforces MaxBodyBytes with an AWS-shaped error
        app = LoopbackHost.Build(Options.Port, handler.HandleAsync, kestrel => kestrel.Limits.MaxRequestBodySize = null);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Endpoint = LoopbackHost.Address(app);
    }
}
