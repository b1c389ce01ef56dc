using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.StepFunctions;

namespace PcsAutomation.LocalAws;

/// <summary>What a target did with one delivery.</summary>
/// <param name="Delivery">The rule match.</param>
/// <param name="Succeeded">The function answered without a function error, or the execution started.</param>
/// <param name="Detail">The function's response or the execution ARN; on failure <c>errorType: message</c>.</param>
/// <param name="At">When the target finished (virtual time).</param>
public sealed record DeliveryResult(EventDelivery Delivery, bool Succeeded, string? Detail, DateTimeOffset At);

/// <summary>
/// EventBridge targets: each rule match is recorded in <see cref="Deliveries"/> at once, then delivered off the
/// publisher's thread (a publisher may hold the world's gate: CloudTrail events are published from inside an API call).
/// A Lambda target is invoked asynchronously with the event as payload, as EventBridge does ("Amazon EventBridge
/// targets": Lambda is invoked with InvocationType Event); a state machine target gets StartExecution with the event
/// as input. Simplification: an asynchronous invocation that fails is recorded in <see cref="DeliveryResults"/>
/// once; Lambda's own async retries (two more attempts, a minute or more apart) and dead-letter queues are not emulated.
/// </summary>
public sealed partial class LocalAws
{
    /// <summary>The outcome of every delivery, in completion order.</summary>
    public ConcurrentQueue<DeliveryResult> DeliveryResults { get; } = new();

    /// <summary>Raised after each delivery (the standalone server prints failures).</summary>
    public event Action<DeliveryResult>? Delivered;

    private void Deliver(EventDelivery delivery)
    {
        Deliveries.Enqueue(delivery);
        var working = Activity.Enter();
        _ = Task.Run(async () =>
        {
            try
            {
                await DeliverAsync(delivery, working).ConfigureAwait(false);
            }
            finally
            {
                working.Dispose();
            }
        });
    }

    private async Task DeliverAsync(EventDelivery delivery, IDisposable working)
    {
        var payload = delivery.Input?.ToJsonString() ?? "null";
        try
        {
            switch (delivery.Target.Kind)
            {
                case TargetKind.LambdaFunction:
                    // The outcome is recorded while the invocation still counts as work (see LambdaHost.InvokeAsync).
                    var invocation = Lambda.InvokeAsync(LambdaTaskInvoker.FunctionName(delivery.Target.Arn), payload, (outcome, error) => Record(
                        outcome is null ? Outcome(delivery, false, Describe(error!))
                        : outcome.Error is { } failure ? Outcome(delivery, false, $"{failure.ErrorType}: {failure.ErrorMessage}")
                        : Outcome(delivery, true, outcome.Payload)), CancellationToken.None);
                    working.Dispose(); // the invocation counts itself from its first line
                    await invocation.ConfigureAwait(false);
                    return;
                case TargetKind.StateMachine:
                    var started = Call(StepFunctionsService.SigningName, "StartExecution", new JsonObject
                    {
                        ["stateMachineArn"] = delivery.Target.Arn,
                        ["input"] = payload,
                    });
                    Record(Outcome(delivery, true, started["executionArn"]?.GetValue<string>()));
                    return;
                default:
                    Record(Outcome(delivery, false, $"Unsupported: the emulator delivers to Lambda functions and state machines, not {delivery.Target.Arn}."));
                    return;
            }
        }
#pragma warning disable CA1031 // a failed delivery is recorded, as EventBridge records failed invocations; it never crashes the emulator
        catch (Exception error)
#pragma warning restore CA1031
        {
            // A Lambda target's failure was recorded by the callback; the others are recorded here, still counted.
            if (delivery.Target.Kind != TargetKind.LambdaFunction) Record(Outcome(delivery, false, Describe(error)));
        }
    }

    private static string Describe(Exception error) =>
        error is AwsServiceException aws ? $"{aws.Code}: {aws.Message}" : $"{error.GetType().Name}: {error.Message}";

    private void Record(DeliveryResult result)
    {
        DeliveryResults.Enqueue(result);
        Delivered?.Invoke(result);
    }

    private DeliveryResult Outcome(EventDelivery delivery, bool succeeded, string? detail) => new(delivery, succeeded, detail, Clock.GetUtcNow());
}
