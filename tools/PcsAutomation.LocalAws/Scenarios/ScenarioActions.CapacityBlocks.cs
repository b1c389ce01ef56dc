using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// Capacity Block extensions as a user buys them (in the console or with PurchaseCapacityBlockExtension, not emulated):
/// the rules of https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-extend.html and guide L3472-3476.
/// </summary>
public sealed partial class ScenarioActions
{
    /// <summary>The timeline's <c>payment</c> value for an extension whose payment fails.</summary>
    public const string PaymentFailed = "failed";

    /// <summary>"If your payment can't be processed within 12 hours ... your extension is not successful."</summary>
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromHours(12);

    /// <summary>"... or up to 35 minutes before the Capacity Block is scheduled to end (whichever comes first)".</summary>
    public static readonly TimeSpan PaymentCutoff = TimeSpan.FromMinutes(35);

    /// <summary>"You can request to extend ... up to a minimum of 1 hour ... before it expires."</summary>
    public static readonly TimeSpan LatestPurchase = TimeSpan.FromHours(1);

    /// <summary>
    /// Buys an extension of the block to <paramref name="newEnd"/>. It stays <c>payment-pending</c> for
    /// <paramref name="paymentDelay"/> (default: paid at once); then, unless <paramref name="paymentFails"/>, it is
    /// <c>payment-succeeded</c> and the block's end date moves, its events and EC2's termination following the new end;
    /// otherwise <c>payment-failed</c> and the block stays active to its original end (guide L3476). A payment still
    /// pending 12 hours after the purchase or 35 minutes before the end fails then. Refused, changing nothing, unless the
    /// block is active or scheduled, has no extension pending, ends at least an hour from now and <paramref name="newEnd"/>
    /// is later than its end.
    /// </summary>
    public CapacityBlockExtension ExtendCapacityBlock(string capacityReservationId, DateTimeOffset newEnd, TimeSpan? paymentDelay = null,
        bool paymentFails = false)
    {
        lock (world.Gate)
        {
            var now = world.Now;
            var block = world.CapacityBlocks.GetValueOrDefault(capacityReservationId)
                        ?? throw new InvalidOperationException($"No capacity block {capacityReservationId}.");
            var state = block.StateAt(now);
            if (state is not ("active" or "scheduled"))
                throw new InvalidOperationException($"Capacity block {capacityReservationId} is {state}: only an active or scheduled block can be extended.");
            if (block.PendingExtension is not null)
                throw new InvalidOperationException($"Capacity block {capacityReservationId} already has an extension in payment-pending.");
            if (newEnd <= block.EndDate)
                throw new InvalidOperationException($"The new end {newEnd:u} of capacity block {capacityReservationId} is not after its end {block.EndDate:u}.");
            if (now > block.EndDate - LatestPurchase)
                throw new InvalidOperationException($"Capacity block {capacityReservationId} ends at {block.EndDate:u}: an extension must be bought at least an hour before.");
            if (paymentDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(paymentDelay), paymentDelay, "A payment delay is not negative.");

            var extension = new CapacityBlockExtension
            {
                CapacityReservationId = capacityReservationId, PurchaseDate = now, StartDate = block.EndDate, EndDate = newEnd,
            };
            block.Extensions.Add(extension);
            var deadline = Min(now + PaymentWindow, block.EndDate - PaymentCutoff);
            var paidAt = now + (paymentDelay ?? TimeSpan.Zero);
            var succeeds = !paymentFails && paidAt <= deadline;
            var settlesAt = Min(paidAt, deadline);
            if (settlesAt <= now) Settle(block, extension, succeeds);
            else world.After(settlesAt - now, $"capacity block extension payment {capacityReservationId}", () => Settle(block, extension, succeeds));
            return extension;
        }
    }

    private void Settle(CapacityBlock block, CapacityBlockExtension extension, bool succeeds)
    {
        if (!succeeds)
        {
            extension.Fail(); // the reservation stays active and ends on its original date
            return;
        }
        extension.Succeed();
        block.EndDate = extension.EndDate;
        world.CapacityBlockEvents.WatchEnd(block); // the warnings for the old end stay silent
        fleet.WatchBlockUsers(block);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
